package io.cinnabar.command.sets;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.SetValue;

/** {@code SREM key member [member ...]}: deletes the key once empty. */
final class SRemCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("srem", "set").arity(-3).flags(WRITE, FAST)
            .acl(AclCategory.SET)
            .key(KeySpec.single(1, KeySpec.RW | KeySpec.DELETE))
            .doc("Remove one or more members from a set", "1.0.0", "O(N) where N is the number of members to be removed.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        byte[] key = argv.get(1);
        SetValue s = Sets.get(ctx, key);
        if (s == null) {
            ctx.out().integer(0);
            return;
        }
        long removed = 0;
        for (int i = 2; i < argv.size() && s.size() > 0; i++) {
            if (s.remove(argv.get(i))) removed++;
        }
        if (removed > 0) {
            ctx.modified(key, Sets.SREM);
            ctx.dirty(removed - 1);
            Sets.deleteIfEmpty(ctx, key, s);
        }
        ctx.out().integer(removed);
    }
}
