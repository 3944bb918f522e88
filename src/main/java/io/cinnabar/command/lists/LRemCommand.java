package io.cinnabar.command.lists;

import static io.cinnabar.command.CommandFlag.*;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.ListValue;

/** {@code LREM key count element}. */
final class LRemCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("lrem", "list").arity(4).flags(WRITE)
            .acl(AclCategory.LIST).key(KeySpec.single(1, KeySpec.RW | KeySpec.DELETE))
            .doc("Remove elements from a list", "1.0.0",
                    "O(N+M) where N is the length of the list and M is the number of elements removed.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        long toRemove = argv.longArg(2);
        byte[] key = argv.get(1);
        ListValue list = Lists.get(ctx, key);
        if (list == null) {
            ctx.out().integer(0);
            return;
        }
        boolean fromTail = toRemove < 0;
        long count = fromTail ? (toRemove == Long.MIN_VALUE ? Long.MAX_VALUE : -toRemove) : toRemove;
        int removed = list.removeMatching(argv.get(3), count, fromTail);
        if (removed > 0) {
            ctx.modified(key, Lists.LREM);
            ctx.dirty(removed - 1);
        }
        Lists.deleteIfEmpty(ctx, key, list);
        ctx.out().integer(removed);
    }
}
