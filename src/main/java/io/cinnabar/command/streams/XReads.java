package io.cinnabar.command.streams;

import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.server.ClientConnection;
import io.cinnabar.store.StreamConsumer;
import io.cinnabar.store.StreamGroup;
import io.cinnabar.store.StreamId;
import io.cinnabar.store.StreamValue;
import java.util.Arrays;

/**
 * XREAD and XREADGROUP (Redis' xreadCommand): parsing, serving synchronously, and blocking. A
 * blocked call is simply run again when one of its keys gets data; it then serves only that key,
 * as Redis 7.0 does, and "$" was resolved to the last ID before blocking.
 */
final class XReads {
    private XReads() {}

    /** Blocked clients without COUNT get at most this many entries (XREAD_BLOCKED_DEFAULT_COUNT). */
    private static final int BLOCKED_DEFAULT_COUNT = 1000;
    private static final RedisError UNBALANCED = Errors.err("Unbalanced XREAD list of streams: for each stream key "
            + "an ID or '$' must be specified.");
    private static final RedisError GROUP_ONLY = Errors.err(
            "The GROUP option is only supported by XREADGROUP. You called XREAD instead.");
    private static final RedisError NOACK_ONLY = Errors.err(
            "The NOACK option is only supported by XREADGROUP. You called XREAD instead.");
    private static final RedisError MISSING_GROUP = Errors.err("Missing GROUP option for XREADGROUP");
    private static final RedisError DOLLAR_IN_GROUP = Errors.err("The $ ID is meaningless in the context of "
            + "XREADGROUP: you want to read the history of this consumer by specifying a proper ID, or use the > "
            + "ID to get new messages. The $ ID would just return an empty result set.");
    private static final RedisError GT_WITHOUT_GROUP = Errors.err("The > ID can be specified only when calling "
            + "XREADGROUP using the GROUP <group> <consumer> option.");
    private static final RedisError GROUP_GONE =
            new RedisError("NOGROUP the consumer group this client was blocked on no longer exists");
    private static final RedisError KEY_GONE = new RedisError("UNBLOCKED the stream key no longer exists");
    private static final byte[] DOLLAR = {'$'};

    static void execute(Ctx ctx, Argv argv, boolean xreadgroup) {
        long timeoutAt = -1;
        long count = 0;
        int streamsArg = 0;
        int n = 0;
        boolean noack = false;
        byte[] groupName = null;
        byte[] consumerName = null;
        int argc = argv.size();
        for (int i = 1; i < argc; i++) {
            int more = argc - i - 1;
            if (argv.is(i, "block") && more > 0) {
                if (ctx.client().has(ClientConnection.LUA)) {
                    throw Errors.err(argv.str(0) + " command is not allowed with BLOCK option from scripts");
                }
                timeoutAt = StreamBlocking.parseTimeout(argv.get(++i), ctx.now());
            } else if (argv.is(i, "count") && more > 0) {
                count = argv.longArg(++i);
                if (count < 0) count = 0;
            } else if (argv.is(i, "streams") && more > 0) {
                streamsArg = i + 1;
                n = argc - streamsArg;
                if ((n & 1) != 0) throw UNBALANCED;
                n /= 2;
                break;
            } else if (argv.is(i, "group") && more >= 2) {
                if (!xreadgroup) throw GROUP_ONLY;
                groupName = argv.get(i + 1);
                consumerName = argv.get(i + 2);
                i += 2;
            } else if (argv.is(i, "noack")) {
                if (!xreadgroup) throw NOACK_ONLY;
                noack = true;
            } else {
                throw Errors.SYNTAX;
            }
        }
        if (streamsArg == 0) throw Errors.SYNTAX;
        if (xreadgroup && groupName == null) throw MISSING_GROUP;

        // A blocked call run again serves only the key that became ready (its first occurrence).
        byte[] served = StreamBlocking.servedKey(ctx);
        int from = 0;
        int to = n;
        if (served != null) {
            for (int k = 0; k < n; k++) {
                if (Arrays.equals(argv.get(streamsArg + k), served)) {
                    from = k;
                    to = k + 1;
                    break;
                }
            }
            if (count == 0) count = BLOCKED_DEFAULT_COUNT;
        }

        StreamId[] ids = new StreamId[n];
        StreamGroup[] groups = groupName == null ? null : new StreamGroup[n];
        for (int k = from; k < to; k++) {
            byte[] key = argv.get(streamsArg + k);
            byte[] idArg = argv.get(streamsArg + n + k);
            StreamValue s;
            if (served != null && groupName != null) {
                Object v = ctx.db().get(key);
                if (!(v instanceof StreamValue)) throw KEY_GONE;
                s = (StreamValue) v;
                if ((groups[k] = s.group(groupName)) == null) throw GROUP_GONE;
            } else {
                s = Streams.lookup(ctx, key);
                if (groupName != null) {
                    if (s == null || (groups[k] = s.group(groupName)) == null) {
                        throw new RedisError("NOGROUP No such key '" + argv.str(streamsArg + k)
                                + "' or consumer group '" + new String(groupName, java.nio.charset.StandardCharsets.UTF_8)
                                + "' in XREADGROUP with GROUP option");
                    }
                }
            }
            if (idArg.length == 1 && idArg[0] == '$') {
                if (xreadgroup) throw DOLLAR_IN_GROUP;
                ids[k] = s == null ? StreamId.ZERO : s.lastId();
            } else if (idArg.length == 1 && idArg[0] == '>') {
                if (!xreadgroup) throw GT_WITHOUT_GROUP;
                ids[k] = StreamId.MAX;
            } else {
                ids[k] = Streams.parseStrict(idArg);
            }
        }

        RespOut out = ctx.out();
        GroupRead read = groupName == null ? null : new GroupRead(ctx, argv, groupName, noack);
        int servedStreams = 0;
        int token = 0;
        for (int k = from; k < to; k++) {
            byte[] key = argv.get(streamsArg + k);
            StreamValue s = Streams.lookup(ctx, key);
            if (s == null) continue;
            StreamId gt = ids[k];
            boolean serve = false;
            boolean history = false;
            if (groups != null) {
                if (!gt.isMax()) {
                    serve = history = true;
                } else if (s.length() > 0 && s.edgeId(false).compareTo(groups[k].lastId) > 0) {
                    serve = true;
                    gt = groups[k].lastId;
                }
            } else if (s.length() > 0 && s.edgeId(false).compareTo(gt) > 0) {
                serve = true;
            }
            if (!serve) continue;
            if (servedStreams++ == 0) token = out.deferred();
            if (!out.resp3()) out.arrayHeader(2);
            out.bulk(key);
            StreamId start = gt.next();
            if (groups == null) {
                Streams.range(out, s, start, null, count, false);
            } else {
                StreamConsumer consumer = read.consumer(key, groups[k], consumerName);
                if (history) read.history(s, consumer, start, count);
                else read.fresh(key, s, groups[k], consumer, start, count);
                ctx.dirty(1);
            }
        }
        if (read != null) read.finish();
        else ctx.preventPropagation();
        if (servedStreams > 0) {
            if (out.resp3()) out.setDeferredMap(token, servedStreams);
            else out.setDeferredArray(token, servedStreams);
            return;
        }
        if (timeoutAt != -1 && StreamBlocking.mayBlock(ctx)) {
            byte[][] keys = new byte[n][];
            for (int k = 0; k < n; k++) {
                keys[k] = argv.get(streamsArg + k);
                if (Arrays.equals(argv.get(streamsArg + n + k), DOLLAR)) argv.set(streamsArg + n + k, ids[k].toBytes());
            }
            StreamBlocking.block(ctx, keys, timeoutAt, groupName != null);
            return;
        }
        out.nullArray();
    }
}
