package io.cinnabar.command.sortedsets;

import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;

/** {@code ZDIFF numkeys key [key ...] [WITHSCORES]}. */
final class ZDiffCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("zdiff", "sorted-set").arity(-3).flags(READONLY)
            .acl(AclCategory.SORTEDSET)
            .key(KeySpec.keynum(1, 0, 1, 1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Subtract multiple sorted sets", "6.2.0", "O(L + (N-K)log(N)) worst case where L is the total number of elements in all the sets, N is the size of the first set, and K is the size of the result set.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ZSetOps.run(ctx, argv, null, 1, ZSetOps.DIFF, false);
    }
}
