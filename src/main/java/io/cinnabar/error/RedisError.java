package io.cinnabar.error;

import java.nio.charset.StandardCharsets;

/**
 * An error reply, thrown by a command and written by the dispatcher. Stackless: errors are part
 * of normal operation (WRONGTYPE, syntax errors) and must cost no more than a return.
 * The message is the full reply text without the leading '-', e.g. {@code ERR syntax error}.
 */
public class RedisError extends RuntimeException {
    private final byte[] reply;

    public RedisError(String message) {
        super(message, null, false, false);
        this.reply = sanitize(message);
    }

    /** The bytes written after '-': CR and LF replaced by spaces so the protocol stays intact. */
    public byte[] replyBytes() {
        return reply;
    }

    /** The error code: the first word (ERR, WRONGTYPE, NOSCRIPT...), as errorstats counts it. */
    public String code() {
        String m = getMessage();
        int sp = m.indexOf(' ');
        return sp < 0 ? m : m.substring(0, sp);
    }

    private static byte[] sanitize(String message) {
        byte[] b = message.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\r' || b[i] == '\n') b[i] = ' ';
        }
        return b;
    }
}
