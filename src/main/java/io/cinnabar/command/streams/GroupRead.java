package io.cinnabar.command.streams;

import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.store.StreamConsumer;
import io.cinnabar.store.StreamGroup;
import io.cinnabar.store.StreamId;
import io.cinnabar.store.StreamIterator;
import io.cinnabar.store.StreamPending;
import io.cinnabar.store.StreamValue;
import io.cinnabar.util.Numbers;
import java.util.Map;

/**
 * What XREADGROUP does to a group while serving one call: consumer creation, delivery into the
 * PELs, the read counter, and the propagation Redis 7.0 emits instead of the command itself
 * (an XCLAIM per delivered entry, XGROUP SETID for NOACK reads, XGROUP CREATECONSUMER).
 */
final class GroupRead {
    private final Ctx ctx;
    private final byte[] groupName;
    private final boolean noack;
    private boolean propagated;

    GroupRead(Ctx ctx, Argv argv, byte[] groupName, boolean noack) {
        this.ctx = ctx;
        this.groupName = groupName;
        this.noack = noack;
    }

    StreamConsumer consumer(byte[] key, StreamGroup g, byte[] name) {
        long now = ctx.now();
        StreamConsumer c = g.consumer(name);
        if (c != null) {
            c.seenTime = now;
            return c;
        }
        c = g.createConsumer(name, now);
        ctx.dirty(1);
        ctx.notify(Streams.XGROUP_CREATECONSUMER, key, ctx.dbIndex());
        if (noack) {
            propagate(Props.createConsumer(key, groupName, name));
        }
        return c;
    }

    /** New entries (the ">" ID): delivered, added to the PELs unless NOACK, the group advanced. */
    void fresh(byte[] key, StreamValue s, StreamGroup g, StreamConsumer consumer, StreamId start, long count) {
        RespOut out = ctx.out();
        int token = out.deferred();
        int n = 0;
        long now = ctx.now();
        boolean propagateLastId = false;
        StreamIterator it = s.iterator(start, null, false);
        while (it.next()) {
            StreamId id = it.id();
            if (id.compareTo(g.lastId) > 0) {
                s.advanceGroup(g, id);
                if (noack) propagateLastId = true;
            }
            Streams.entry(out, it);
            if (!noack) {
                StreamPending p = g.pel().get(id);
                if (p == null) {
                    p = g.addPending(id, consumer, now, 1);
                } else {
                    g.assign(id, p, consumer);
                    p.deliveryTime = now;
                    p.deliveryCount = 1;
                }
                propagate(Props.xclaim(key, groupName, id, p, g));
            }
            n++;
            if (count != 0 && n == count) break;
        }
        if (propagateLastId) propagate(Props.setId(key, groupName, g));
        out.setDeferredArray(token, n);
    }

    /** The consumer's own pending entries from start (a history read): deleted ones show as [id, nil]. */
    void history(StreamValue s, StreamConsumer consumer, StreamId start, long count) {
        RespOut out = ctx.out();
        int token = out.deferred();
        int n = 0;
        long now = ctx.now();
        if (start != null) {
            for (Map.Entry<StreamId, StreamPending> e : consumer.pel().tailMap(start, true).entrySet()) {
                if (count != 0 && n >= count) break;
                if (Streams.single(out, s, e.getKey())) {
                    StreamPending p = e.getValue();
                    p.deliveryTime = now;
                    p.deliveryCount++;
                } else {
                    out.arrayHeader(2);
                    Streams.id(out, e.getKey());
                    out.nullArray();
                }
                n++;
            }
        }
        out.setDeferredArray(token, n);
    }

    private void propagate(byte[][] cmd) {
        ctx.propagateAs(cmd);
        propagated = true;
    }

    /** XREADGROUP itself is never propagated: only what {@link #propagate} queued. */
    void finish() {
        if (!propagated) ctx.preventPropagation();
    }

    static byte[] num(long v) {
        return Numbers.longToBytes(v);
    }
}
