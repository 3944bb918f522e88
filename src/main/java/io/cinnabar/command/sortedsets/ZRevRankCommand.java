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

/** {@code ZREVRANK key member}. */
final class ZRevRankCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("zrevrank", "sorted-set").arity(3).flags(READONLY, FAST)
            .acl(AclCategory.SORTEDSET)
            .key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Determine the index of a member in a sorted set, with scores ordered from high to low", "2.0.0", "O(log(N))").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        SortedSetValue z = ZSets.get(ctx, argv.get(1));
        int rank = z == null ? -1 : z.rank(argv.get(2));
        if (rank < 0) ctx.out().nullBulk();
        else ctx.out().integer(z.length() - 1 - rank);
    }
}
