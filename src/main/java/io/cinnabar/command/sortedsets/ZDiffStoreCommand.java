package io.cinnabar.command.sortedsets;

import static io.cinnabar.command.CommandFlag.DENYOOM;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;

/** {@code ZDIFFSTORE destination numkeys key [key ...]}. */
final class ZDiffStoreCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("zdiffstore", "sorted-set").arity(-4).flags(WRITE, DENYOOM)
            .acl(AclCategory.SORTEDSET)
            .key(KeySpec.single(1, KeySpec.OW | KeySpec.UPDATE))
            .key(KeySpec.keynum(2, 0, 1, 1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Subtract multiple sorted sets and store the resulting sorted set in a new key", "6.2.0", "O(L + (N-K)log(N)) worst case where L is the total number of elements in all the sets, N is the size of the first set, and K is the size of the result set.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ZSetOps.run(ctx, argv, argv.get(1), 2, ZSetOps.DIFF, false);
    }
}
