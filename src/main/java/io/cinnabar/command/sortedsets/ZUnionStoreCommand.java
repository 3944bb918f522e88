package io.cinnabar.command.sortedsets;

import static io.cinnabar.command.CommandFlag.DENYOOM;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;

/** {@code ZUNIONSTORE destination numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM|MIN|MAX]}. */
final class ZUnionStoreCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("zunionstore", "sorted-set").arity(-4).flags(WRITE, DENYOOM)
            .acl(AclCategory.SORTEDSET)
            .key(KeySpec.single(1, KeySpec.OW | KeySpec.UPDATE))
            .key(KeySpec.keynum(2, 0, 1, 1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Add multiple sorted sets and store the resulting sorted set in a new key", "2.0.0", "O(N)+O(M log(M)) with N being the sum of the sizes of the input sorted sets, and M being the number of elements in the resulting sorted set.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ZSetOps.run(ctx, argv, argv.get(1), 2, ZSetOps.UNION, false);
    }
}
