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

/** {@code XDEL key id [id ...]}: all IDs are checked before any is deleted. */
final class XDelCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("xdel", "stream").arity(-3).flags(WRITE, FAST)
            .acl(AclCategory.STREAM).key(KeySpec.single(1, KeySpec.RW | KeySpec.DELETE))
            .doc("Removes the specified entries from the stream. Returns the number of items actually deleted, that may be different from the number of IDs passed in case certain IDs do not exist.", "5.0.0", "O(1) for each single item to delete in the stream, regardless of the stream size.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        byte[] key = argv.get(1);
        StreamValue s = Streams.lookup(ctx, key);
        if (s == null) {
            ctx.out().integer(0);
            return;
        }
        StreamId[] ids = new StreamId[argv.size() - 2];
        for (int j = 2; j < argv.size(); j++) ids[j - 2] = Streams.parseStrict(argv.get(j));
        int deleted = 0;
        for (StreamId id : ids) {
            if (s.delete(id)) deleted++;
        }
        if (deleted > 0) {
            ctx.modified(key, Streams.XDEL);
            ctx.dirty(deleted - 1);
        }
        ctx.out().integer(deleted);
    }
}
