package io.cinnabar.command.sortedsets;

import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;

/** {@code ZREVRANGEBYSCORE key max min [WITHSCORES] [LIMIT offset count]}. */
final class ZRevRangeByScoreCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("zrevrangebyscore", "sorted-set").arity(-4).flags(READONLY)
            .acl(AclCategory.SORTEDSET)
            .key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Return a range of members in a sorted set, by score, with scores ordered from high to low", "2.2.0", "O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ZRange.run(ctx, argv, 1, null, ZRange.SCORE, ZRange.REVERSE);
    }
}
