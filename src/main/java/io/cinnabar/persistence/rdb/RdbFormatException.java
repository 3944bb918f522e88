package io.cinnabar.persistence.rdb;

/** A malformed or truncated RDB payload. */
public final class RdbFormatException extends RuntimeException {
    public RdbFormatException(String message) {
        super(message);
    }
}
