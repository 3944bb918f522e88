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

/** {@code ZSCORE key member}. */
final class ZScoreCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("zscore", "sorted-set").arity(3).flags(READONLY, FAST)
            .acl(AclCategory.SORTEDSET)
            .key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Get the score associated with the given member in a sorted set", "1.2.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        SortedSetValue z = ZSets.get(ctx, argv.get(1));
        double s = z == null ? Double.NaN : z.score(argv.get(2));
        if (Double.isNaN(s)) ctx.out().nullBulk();
        else ctx.out().doubleValue(s);
    }
}
