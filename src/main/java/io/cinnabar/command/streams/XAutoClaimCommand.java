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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code XAUTOCLAIM key group consumer min-idle-time start [COUNT count] [JUSTID]}: replies the next
 * cursor, the claimed entries and the IDs of deleted entries it dropped from the PEL.
 */
final class XAutoClaimCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("xautoclaim", "stream").arity(-6).flags(WRITE, FAST)
            .acl(AclCategory.STREAM).key(KeySpec.single(1, KeySpec.RW | KeySpec.DELETE))
            .doc("Changes (or acquires) ownership of messages in a consumer group, as if the messages were "
                    + "delivered to the specified consumer.", "6.2.0", "O(1) if COUNT is small.")
            .tips("nondeterministic_output").build();
    private static final int ATTEMPTS_FACTOR = 10;

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        long minIdle = Math.max(0, argv.longArg(4, Errors.err("Invalid min-idle-time argument for XAUTOCLAIM")));
        StreamId start = Streams.parseRangeStart(argv.get(5));
        long count = 100;
        boolean justId = false;
        for (int j = 6; j < argv.size(); j++) {
            if (argv.is(j, "count") && j + 1 < argv.size()) {
                RedisError bad = Errors.err("COUNT must be > 0");
                count = argv.longArg(++j, bad);
                if (count < 1 || count > Long.MAX_VALUE / 16) throw bad;
            } else if (argv.is(j, "justid")) {
                justId = true;
            } else {
                throw Errors.SYNTAX;
            }
        }
        byte[] key = argv.get(1);
        byte[] groupName = argv.get(2);
        StreamValue s = Streams.lookup(ctx, key);
        StreamGroup g = s == null ? null : s.group(groupName);
        if (g == null) {
            throw new RedisError("NOGROUP No such key '" + argv.str(1) + "' or consumer group '" + argv.str(2) + "'");
        }
        RespOut out = ctx.out();
        out.arrayHeader(3);
        int cursorToken = out.deferred();
        int token = out.deferred();
        long attempts = count * ATTEMPTS_FACTOR;
        long now = ctx.now();
        int n = 0;
        List<StreamId> deleted = new ArrayList<>();
        StreamConsumer consumer = null;
        Map.Entry<StreamId, StreamPending> e = g.pel().ceilingEntry(start);
        while (attempts-- > 0 && count > 0 && e != null) {
            StreamId id = e.getKey();
            StreamPending p = e.getValue();
            e = g.pel().higherEntry(id);
            if (!s.exists(id)) {
                ctx.propagateAs(Props.xclaim(key, groupName, id, p, g));
                ctx.dirty(1);
                g.ack(id);
                deleted.add(id);
                count--;
                continue;
            }
            if (minIdle != 0 && now - p.deliveryTime < minIdle) continue;
            if (consumer == null) consumer = Claims.consumer(ctx, key, g, argv.get(3));
            g.assign(id, p, consumer);
            p.deliveryTime = now;
            if (!justId) p.deliveryCount++;
            if (justId) Streams.id(out, id);
            else Streams.single(out, s, id);
            n++;
            count--;
            ctx.propagateAs(Props.xclaim(key, groupName, id, p, g));
            ctx.dirty(1);
        }
        out.setDeferredArray(token, n);
        // the cursor goes in front of the entries: write it at its reserved place
        Claims.insertBulk(out, cursorToken, (e == null ? StreamId.ZERO : e.getKey()).toBytes());
        out.arrayHeader(deleted.size());
        for (StreamId id : deleted) Streams.id(out, id);
        if (n == 0 && deleted.isEmpty()) ctx.preventPropagation();
    }
}
