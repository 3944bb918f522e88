package io.cinnabar.command.sortedsets;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.store.SortedSetValue;

/** {@code ZMSCORE key member [member ...]}. */
final class ZMScoreCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("zmscore", "sorted-set").arity(-3).flags(READONLY, FAST)
            .acl(AclCategory.SORTEDSET)
            .key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Get the score associated with the given members in a sorted set", "6.2.0", "O(N) where N is the number of members being requested.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        SortedSetValue z = ZSets.get(ctx, argv.get(1));
        RespOut out = ctx.out();
        out.arrayHeader(argv.size() - 2);
        for (int j = 2; j < argv.size(); j++) {
            double s = z == null ? Double.NaN : z.score(argv.get(j));
            if (Double.isNaN(s)) out.nullBulk();
            else out.doubleValue(s);
        }
    }
}
