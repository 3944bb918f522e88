package io.cinnabar.command.sortedsets;

import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;

/** {@code ZMPOP numkeys key [key ...] MIN|MAX [COUNT count]}. */
final class ZMPopCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("zmpop", "sorted-set").arity(-4).flags(WRITE)
            .acl(AclCategory.SORTEDSET)
            .key(KeySpec.keynum(1, 0, 1, 1, KeySpec.RW | KeySpec.ACCESS | KeySpec.DELETE))
            .doc("Remove and return members with scores in a sorted set", "7.0.0", "O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of elements in the sorted set, and M being the number of elements popped.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ZPop.MPop p = ZPop.parseMPop(argv, 1);
        ZPop.pop(ctx, p.keys(), p.max(), p.count(), ZPop.WITH_KEY_NESTED, true, true);
    }
}
