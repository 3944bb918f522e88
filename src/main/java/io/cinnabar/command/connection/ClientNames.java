package io.cinnabar.command.connection;

import io.cinnabar.error.RedisError;
import java.nio.charset.StandardCharsets;

/** Validation of client names (CLIENT SETNAME, HELLO SETNAME): no spaces, newlines or other special characters. */
public final class ClientNames {
    private ClientNames() {}

    private static final RedisError BAD_NAME =
            new RedisError("ERR Client names cannot contain spaces, newlines or special characters.");

    /** The name as text; empty means "remove the name". */
    public static String validate(byte[] name) {
        for (byte b : name) {
            if (b < '!' || b > '~') throw BAD_NAME;
        }
        return new String(name, StandardCharsets.UTF_8);
    }
}
