package io.cinnabar.command.sortedsets;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.SortedSetValue;

/** {@code ZCARD key}. */
final class ZCardCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("zcard", "sorted-set").arity(2).flags(READONLY, FAST)
            .acl(AclCategory.SORTEDSET)
            .key(KeySpec.single(1, KeySpec.RO))
            .doc("Get the number of members in a sorted set", "1.2.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        SortedSetValue z = ZSets.get(ctx, argv.get(1));
        ctx.out().integer(z == null ? 0 : z.length());
    }
}
