package io.cinnabar.command.streams;

import static io.cinnabar.command.CommandFlag.*;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.store.StreamConsumer;
import io.cinnabar.store.StreamGroup;
import io.cinnabar.store.StreamId;
import io.cinnabar.store.StreamPending;
import io.cinnabar.store.StreamValue;
import java.util.Map;
import java.util.TreeMap;

/** {@code XPENDING key group [[IDLE min-idle-time] start end count [consumer]]}. */
final class XPendingCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("xpending", "stream").arity(-3).flags(READONLY)
            .acl(AclCategory.STREAM).key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Return information and entries from a stream consumer group pending entries list, that are "
                    + "messages fetched but never acknowledged.", "5.0.0",
                    "O(N) with N being the number of elements returned, so asking for a small fixed number of "
                    + "entries per call is O(1). O(M), where M is the total number of entries scanned when used "
                    + "with the IDLE filter. When the command returns just the summary and the list of consumers "
                    + "is small, it runs in O(1) time; otherwise, an additional O(N) time for iterating every "
                    + "consumer.").tips("nondeterministic_output").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        int argc = argv.size();
        if (argc != 3 && (argc < 6 || argc > 9)) throw Errors.SYNTAX;
        long count = 0, minIdle = 0;
        StreamId start = null, end = null;
        byte[] consumerName = null;
        if (argc >= 6) {
            int si = 3;
            if (argv.is(3, "idle")) {
                minIdle = argv.longArg(4);
                if (argc < 8) throw Errors.SYNTAX;
                si += 2;
            }
            count = argv.longArg(si + 2);
            if (count < 0) count = 0;
            start = Streams.parseRangeStart(argv.get(si));
            end = Streams.parseRangeEnd(argv.get(si + 1));
            if (si + 3 < argc) consumerName = argv.get(si + 3);
        }
        StreamValue s = Streams.lookup(ctx, argv.get(1));
        StreamGroup g = s == null ? null : s.group(argv.get(2));
        if (g == null) {
            throw new RedisError("NOGROUP No such key '" + argv.str(1) + "' or consumer group '" + argv.str(2) + "'");
        }
        RespOut out = ctx.out();
        if (argc == 3) {
            summary(out, g);
            return;
        }
        TreeMap<StreamId, StreamPending> pel = g.pel();
        if (consumerName != null) {
            StreamConsumer c = g.consumer(consumerName);
            if (c == null) {
                out.emptyArray();
                return;
            }
            pel = c.pel();
        }
        long now = ctx.now();
        int token = out.deferred();
        int n = 0;
        if (start.compareTo(end) <= 0) {
            for (Map.Entry<StreamId, StreamPending> e : pel.subMap(start, true, end, true).entrySet()) {
                if (count == 0) break;
                StreamPending p = e.getValue();
                if (minIdle != 0 && now - p.deliveryTime < minIdle) continue;
                n++;
                count--;
                out.arrayHeader(4);
                Streams.id(out, e.getKey());
                out.bulk(p.consumer.name());
                out.integer(Math.max(0, now - p.deliveryTime));
                out.integer(p.deliveryCount);
            }
        }
        out.setDeferredArray(token, n);
    }

    private static void summary(RespOut out, StreamGroup g) {
        out.arrayHeader(4);
        out.integer(g.pel().size());
        if (g.pel().isEmpty()) {
            out.nullBulk();
            out.nullBulk();
            out.nullArray();
            return;
        }
        Streams.id(out, g.pel().firstKey());
        Streams.id(out, g.pel().lastKey());
        int token = out.deferred();
        int n = 0;
        for (StreamConsumer c : g.consumers().values()) {
            if (c.pel().isEmpty()) continue;
            out.arrayHeader(2);
            out.bulk(c.name());
            out.bulkLong(c.pel().size());
            n++;
        }
        out.setDeferredArray(token, n);
    }
}
