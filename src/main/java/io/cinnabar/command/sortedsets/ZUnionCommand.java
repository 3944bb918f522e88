package io.cinnabar.command.sortedsets;

import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;

/** {@code ZUNION numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM|MIN|MAX] [WITHSCORES]}. */
final class ZUnionCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("zunion", "sorted-set").arity(-3).flags(READONLY)
            .acl(AclCategory.SORTEDSET)
            .key(KeySpec.keynum(1, 0, 1, 1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Add multiple sorted sets", "6.2.0", "O(N)+O(M*log(M)) with N being the sum of the sizes of the input sorted sets, and M being the number of elements in the resulting sorted set.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ZSetOps.run(ctx, argv, null, 1, ZSetOps.UNION, false);
    }
}
