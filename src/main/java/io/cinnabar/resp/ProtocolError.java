package io.cinnabar.resp;

import io.cinnabar.error.RedisError;

/**
 * A malformed request. The connection answers with this error and is closed after the reply,
 * as Redis does (CLIENT_CLOSE_AFTER_REPLY).
 */
public final class ProtocolError extends RedisError {
    public ProtocolError(String what) {
        super("ERR Protocol error: " + what);
    }
}
