package io.cinnabar.command.streams;

import io.cinnabar.command.Ctx;
import io.cinnabar.resp.RespOut;
import io.cinnabar.store.StreamConsumer;
import io.cinnabar.store.StreamGroup;
import io.netty.buffer.ByteBuf;

/** Helpers shared by XCLAIM and XAUTOCLAIM. */
final class Claims {
    private Claims() {}

    /** The claiming consumer: looked up (seen time refreshed) or created (notified, dirty). */
    static StreamConsumer consumer(Ctx ctx, byte[] key, StreamGroup g, byte[] name) {
        long now = ctx.now();
        StreamConsumer c = g.consumer(name);
        if (c != null) {
            c.seenTime = now;
            return c;
        }
        c = g.createConsumer(name, now);
        ctx.dirty(1);
        ctx.notify(Streams.XGROUP_CREATECONSUMER, key, ctx.dbIndex());
        return c;
    }

    /** Inserts a bulk string at a position reserved with {@link RespOut#deferred()} (setDeferredReplyBulk). */
    static void insertBulk(RespOut out, int token, byte[] value) {
        ByteBuf b = out.buf();
        int tail = b.writerIndex() - token;
        byte[] moved = new byte[tail];
        b.getBytes(token, moved);
        b.writerIndex(token);
        out.bulk(value);
        b.writeBytes(moved);
    }
}
