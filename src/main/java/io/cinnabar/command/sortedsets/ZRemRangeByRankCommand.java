package io.cinnabar.command.sortedsets;

import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;

/** {@code ZREMRANGEBYRANK key start stop}. */
final class ZRemRangeByRankCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("zremrangebyrank", "sorted-set").arity(4).flags(WRITE)
            .acl(AclCategory.SORTEDSET)
            .key(KeySpec.single(1, KeySpec.RW | KeySpec.DELETE))
            .doc("Remove all members in a sorted set within the given indexes", "2.0.0", "O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ZRemRange.run(ctx, argv, ZRange.RANK);
    }
}
