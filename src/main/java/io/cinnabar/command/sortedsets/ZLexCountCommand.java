package io.cinnabar.command.sortedsets;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.LexBound;
import io.cinnabar.store.SortedSetValue;

/** {@code ZLEXCOUNT key min max}. */
final class ZLexCountCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("zlexcount", "sorted-set").arity(4).flags(READONLY, FAST)
            .acl(AclCategory.SORTEDSET)
            .key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Count the number of members in a sorted set between a given lexicographical range", "2.8.9", "O(log(N)) with N being the number of elements in the sorted set.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        LexBound min = ZSets.parseLex(argv.get(2));
        LexBound max = ZSets.parseLex(argv.get(3));
        SortedSetValue z = ZSets.get(ctx, argv.get(1));
        ctx.out().integer(z == null ? 0 : z.lexCount(min, max));
    }
}
