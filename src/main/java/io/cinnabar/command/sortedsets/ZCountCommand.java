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

/** {@code ZCOUNT key min max}. */
final class ZCountCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("zcount", "sorted-set").arity(4).flags(READONLY, FAST)
            .acl(AclCategory.SORTEDSET)
            .key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Count the members in a sorted set with scores within the given values", "2.0.0", "O(log(N)) with N being the number of elements in the sorted set.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ZSets.ScoreRange r = ZSets.parseScoreRange(argv.get(2), argv.get(3));
        SortedSetValue z = ZSets.get(ctx, argv.get(1));
        if (z == null) {
            ctx.out().integer(0);
            return;
        }
        ctx.out().integer(Math.max(0, z.countUpTo(r.max(), r.maxEx()) - z.countBelow(r.min(), r.minEx())));
    }
}
