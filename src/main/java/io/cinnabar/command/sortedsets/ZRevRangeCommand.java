package io.cinnabar.command.sortedsets;

import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;

/** {@code ZREVRANGE key start stop [WITHSCORES]}. */
final class ZRevRangeCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("zrevrange", "sorted-set").arity(-4).flags(READONLY)
            .acl(AclCategory.SORTEDSET)
            .key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Return a range of members in a sorted set, by index, with scores ordered from high to low", "1.2.0", "O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements returned.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ZRange.run(ctx, argv, 1, null, ZRange.RANK, ZRange.REVERSE);
    }
}
