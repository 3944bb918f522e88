package io.cinnabar.config;

/** A refused configuration value or directive; the message is Redis' reason text. */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
