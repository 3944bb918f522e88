package io.cinnabar.command.hashes;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.HashValue;

/** {@code HDEL key field [field ...]}: deletes the key once empty. */
final class HDelCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("hdel", "hash").arity(-3).flags(WRITE, FAST)
            .acl(AclCategory.HASH)
            .key(KeySpec.single(1, KeySpec.RW | KeySpec.DELETE))
            .doc("Delete one or more hash fields", "2.0.0", "O(N) where N is the number of fields to be removed.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        byte[] key = argv.get(1);
        HashValue h = Hashes.get(ctx, key);
        if (h == null) {
            ctx.out().integer(0);
            return;
        }
        long deleted = 0;
        for (int i = 2; i < argv.size() && h.size() > 0; i++) {
            if (h.delete(argv.get(i))) deleted++;
        }
        if (deleted > 0) {
            ctx.modified(key, Hashes.HDEL);
            ctx.dirty(deleted - 1);
            Hashes.deleteIfEmpty(ctx, key, h);
        }
        ctx.out().integer(deleted);
    }
}
