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
import io.cinnabar.store.StreamId;
import io.cinnabar.store.StreamValue;

/** {@code XSETID key last-id [ENTRIESADDED entries-added] [MAXDELETEDID max-deleted-id]}. */
final class XSetIdCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("xsetid", "stream").arity(-3).flags(WRITE, DENYOOM, FAST)
            .acl(AclCategory.STREAM).key(KeySpec.single(1, KeySpec.RW | KeySpec.UPDATE))
            .doc("An internal command for replicating stream values", "5.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        StreamId id = Streams.parseStrict(argv.get(2));
        StreamId maxDel = StreamId.ZERO;
        long added = -1;
        for (int i = 3; i < argv.size(); i++) {
            boolean more = i + 1 < argv.size();
            if (argv.is(i, "entriesadded") && more) {
                added = argv.longArg(++i);
                if (added < 0) throw Errors.err("entries_added must be positive");
            } else if (argv.is(i, "maxdeletedid") && more) {
                maxDel = Streams.parseStrict(argv.get(++i));
                if (id.compareTo(maxDel) < 0) {
                    throw Errors.err("The ID specified in XSETID is smaller than the provided max_deleted_entry_id");
                }
            } else {
                throw Errors.SYNTAX;
            }
        }
        byte[] key = argv.get(1);
        StreamValue s = Streams.lookup(ctx, key);
        if (s == null) throw Errors.NO_SUCH_KEY;
        if (s.length() > 0) {
            StreamId max = s.edgeId(false);
            if (id.compareTo(max) < 0) {
                throw Errors.err("The ID specified in XSETID is smaller than the target stream top item");
            }
            if (added != -1 && s.length() > added) {
                throw Errors.err("The entries_added specified in XSETID is smaller than the target stream length");
            }
        }
        s.lastId(id);
        if (added != -1) s.entriesAdded(added);
        if (!maxDel.isZero()) s.maxDeletedId(maxDel);
        ctx.dirty(1); // Redis signals no modified key here
        ctx.notify(Streams.XSETID, key, ctx.dbIndex());
        ctx.out().ok();
    }
}
