package io.cinnabar.command.streams;

import io.cinnabar.command.Ctx;

/** The stream commands' use of the blocking framework, in one place. */
final class StreamBlocking {
    private StreamBlocking() {}

    /** Absolute deadline for BLOCK ms (0 = forever), with Redis' errors. */
    static long parseTimeout(byte[] arg, long now) {
        long t = io.cinnabar.util.Numbers.parseLong(arg,
                new io.cinnabar.error.RedisError("ERR timeout is not an integer or out of range"));
        if (t < 0) throw io.cinnabar.error.Errors.TIMEOUT_NEGATIVE;
        if (t == 0) return 0;
        return t > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + t;
    }

    static boolean mayBlock(Ctx ctx) {
        return false;
    }

    static void block(Ctx ctx, byte[][] keys, long timeoutAt, boolean unblockOnNoKey) {
        throw new IllegalStateException("blocking not available yet");
    }

    /** The key that became ready when a blocked XREAD/XREADGROUP is run again, else null. */
    static byte[] servedKey(Ctx ctx) {
        return null;
    }
}
