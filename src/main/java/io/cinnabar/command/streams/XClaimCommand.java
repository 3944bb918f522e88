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
 * {@code XCLAIM key group consumer min-idle-time id [id ...] [IDLE ms] [TIME unix-ms] [RETRYCOUNT n] [FORCE]
 * [JUSTID] [LASTID id]}. Propagated as one exact XCLAIM per changed entry.
 */
final class XClaimCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("xclaim", "stream").arity(-6).flags(WRITE, FAST)
            .acl(AclCategory.STREAM).key(KeySpec.single(1, KeySpec.RW | KeySpec.UPDATE))
            .doc("Changes (or acquires) ownership of a message in a consumer group, as if the message was "
                    + "delivered to the specified consumer.", "5.0.0", "O(log N) with N being the number of "
                    + "messages in the PEL of the consumer group.").tips("nondeterministic_output").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        byte[] key = argv.get(1);
        byte[] groupName = argv.get(2);
        StreamValue s = Streams.lookup(ctx, key);
        StreamGroup g = s == null ? null : s.group(groupName);
        if (g == null) {
            throw new RedisError("NOGROUP No such key '" + argv.str(1) + "' or consumer group '" + argv.str(2) + "'");
        }
        long minIdle = Math.max(0, argv.longArg(4, Errors.err("Invalid min-idle-time argument for XCLAIM")));
        int argc = argv.size();
        List<StreamId> ids = new ArrayList<>();
        int j = 5;
        for (; j < argc; j++) {
            try {
                ids.add(Streams.parseStrict(argv.get(j)));
            } catch (RedisError e) {
                break;
            }
        }
        long now = ctx.now();
        long retryCount = -1, deliveryTime = -1;
        boolean force = false, justId = false;
        StreamId lastId = StreamId.ZERO;
        for (; j < argc; j++) {
            boolean more = j + 1 < argc;
            if (argv.is(j, "force")) {
                force = true;
            } else if (argv.is(j, "justid")) {
                justId = true;
            } else if (argv.is(j, "idle") && more) {
                deliveryTime = now - argv.longArg(++j, Errors.err("Invalid IDLE option argument for XCLAIM"));
            } else if (argv.is(j, "time") && more) {
                deliveryTime = argv.longArg(++j, Errors.err("Invalid TIME option argument for XCLAIM"));
            } else if (argv.is(j, "retrycount") && more) {
                retryCount = argv.longArg(++j, Errors.err("Invalid RETRYCOUNT option argument for XCLAIM"));
            } else if (argv.is(j, "lastid") && more) {
                lastId = Streams.parseStrict(argv.get(++j));
            } else {
                throw Errors.err("Unrecognized XCLAIM option '" + argv.str(j) + "'");
            }
        }
        boolean propagateLastId = false;
        if (lastId.compareTo(g.lastId) > 0) {
            g.lastId = lastId;
            propagateLastId = true;
        }
        if (deliveryTime == -1 || deliveryTime < 0 || deliveryTime > now) deliveryTime = now;
        RespOut out = ctx.out();
        int token = out.deferred();
        int n = 0;
        boolean propagated = false;
        StreamConsumer consumer = null;
        for (StreamId id : ids) {
            StreamPending p = g.pel().get(id);
            if (!s.exists(id)) {
                if (p != null) {
                    ctx.propagateAs(Props.xclaim(key, groupName, id, p, g));
                    propagated = true;
                    propagateLastId = false;
                    ctx.dirty(1);
                    g.ack(id);
                }
                continue;
            }
            if (force && p == null) p = g.addPending(id, null, now, 1);
            if (p == null) continue;
            if (p.consumer != null && minIdle != 0 && now - p.deliveryTime < minIdle) continue;
            if (consumer == null) consumer = Claims.consumer(ctx, key, g, argv.get(3));
            p.deliveryTime = deliveryTime;
            if (retryCount >= 0) p.deliveryCount = retryCount;
            else if (!justId) p.deliveryCount++;
            g.assign(id, p, consumer);
            if (justId) Streams.id(out, id);
            else Streams.single(out, s, id);
            n++;
            ctx.propagateAs(Props.xclaim(key, groupName, id, p, g));
            propagated = true;
            propagateLastId = false;
            ctx.dirty(1);
        }
        if (propagateLastId) {
            ctx.propagateAs(Props.setId(key, groupName, g));
            propagated = true;
            ctx.dirty(1);
        }
        out.setDeferredArray(token, n);
        if (!propagated) ctx.preventPropagation();
    }
}
