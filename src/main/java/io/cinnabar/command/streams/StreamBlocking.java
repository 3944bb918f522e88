package io.cinnabar.command.streams;

import io.cinnabar.blocking.Blocking;
import io.cinnabar.command.Ctx;
import io.cinnabar.store.ValueType;

/** The stream commands' use of the blocking framework, in one place. */
final class StreamBlocking {
    private StreamBlocking() {}

    /** Absolute deadline for BLOCK ms (0 = forever), with Redis' errors. */
    static long parseTimeout(byte[] arg, long now) {
        return Blocking.parseTimeoutMillis(arg, now);
    }

    static boolean mayBlock(Ctx ctx) {
        return ctx.mayBlock();
    }

    static void block(Ctx ctx, byte[][] keys, long timeoutAt, boolean unblockOnNoKey) {
        ctx.blockOnKeys(keys, timeoutAt, ValueType.STREAM, unblockOnNoKey);
    }

    /** The key that became ready when a blocked XREAD/XREADGROUP is run again, else null. */
    static byte[] servedKey(Ctx ctx) {
        return ctx.servedKey();
    }
}
