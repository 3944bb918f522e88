package io.cinnabar.command.sortedsets;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.SortedSetValue;

/** {@code ZREM key member [member ...]}. */
final class ZRemCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("zrem", "sorted-set").arity(-3).flags(WRITE, FAST)
            .acl(AclCategory.SORTEDSET)
            .key(KeySpec.single(1, KeySpec.RW | KeySpec.DELETE))
            .doc("Remove one or more members from a sorted set", "1.2.0", "O(M*log(N)) with N being the number of elements in the sorted set and M the number of elements to be removed.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        byte[] key = argv.get(1);
        SortedSetValue z = ZSets.get(ctx, key);
        long deleted = 0;
        if (z != null) {
            for (int j = 2; j < argv.size(); j++) {
                if (z.remove(argv.get(j))) deleted++;
                if (z.length() == 0) break;
            }
            if (deleted > 0) {
                ctx.modified(key, ZSets.ZREM);
                ctx.dirty(deleted - 1);
                ZSets.deleteIfEmpty(ctx, key, z);
            }
        }
        ctx.out().integer(deleted);
    }
}
