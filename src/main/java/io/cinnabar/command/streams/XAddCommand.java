package io.cinnabar.command.streams;

import static io.cinnabar.command.CommandFlag.DENYOOM;
import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.Database;
import io.cinnabar.store.StreamId;
import io.cinnabar.store.StreamValue;

/**
 * {@code XADD key [NOMKSTREAM] [MAXLEN|MINID [=|~] threshold [LIMIT count]] *|id field value [field value ...]}.
 * Propagated with the ID it got and any approximate trim made exact.
 */
final class XAddCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("xadd", "stream").arity(-5).flags(WRITE, DENYOOM, FAST)
            .acl(AclCategory.STREAM)
            .key(KeySpec.single(1, KeySpec.RW | KeySpec.UPDATE)
                    .notes("UPDATE instead of INSERT because of the optional trimming feature"))
            .doc("Appends a new entry to a stream", "5.0.0", "O(1) when adding a new entry, O(N) when trimming")
            .tips("nondeterministic_output").build();
    private static final RedisError ZERO_ID = Errors.err("The ID specified in XADD must be greater than 0-0");
    private static final RedisError EXHAUSTED =
            Errors.err("The stream has exhausted the last possible ID, unable to add more items");
    static final RedisError TOO_SMALL =
            Errors.err("The ID specified in XADD is equal or smaller than the target stream top item");

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        TrimArgs a = TrimArgs.parse(ctx, argv, true);
        int fieldPos = a.idPos + 1;
        int nargs = argv.size() - fieldPos;
        if (nargs < 2 || (nargs & 1) == 1) throw Errors.wrongArity("xadd");
        if (a.idGiven && a.seqGiven && a.id.isZero()) throw ZERO_ID;
        byte[] key = argv.get(1);
        Database db = ctx.db();
        StreamValue s = Streams.lookup(ctx, key);
        if (s == null) {
            if (a.noMkStream) {
                ctx.out().nullBulk();
                return;
            }
            s = new StreamValue();
            db.add(key, s);
        }
        if (s.lastId().isMax()) throw EXHAUSTED;
        StreamId id;
        if (!a.idGiven) id = s.nextId(ctx.now());
        else if (!a.seqGiven) id = s.nextIdForMs(a.id.ms);
        else id = a.id;
        if (id == null || id.compareTo(s.lastId()) <= 0) throw TOO_SMALL;
        byte[][] args = argv.toArray();
        long maxBytes = ctx.server().config().getLong("stream-node-max-bytes");
        long maxEntries = ctx.server().config().getLong("stream-node-max-entries");
        s.append(id, args, fieldPos, nargs / 2, maxBytes, maxEntries);
        byte[] idBytes = id.toBytes();
        ctx.out().bulk(idBytes);
        ctx.modified(key, Streams.XADD);
        boolean rewrite = !a.idGiven || !a.seqGiven;
        if (a.strategy != TrimArgs.NONE) {
            if (a.trim(s) > 0) ctx.notify(Streams.XTRIM, key, ctx.dbIndex());
            if (a.approx) {
                a.rewriteForPropagation(args, s);
                rewrite = true;
            }
        }
        if (rewrite) {
            args[a.idPos] = idBytes;
            ctx.propagateAs(args);
        }
    }
}
