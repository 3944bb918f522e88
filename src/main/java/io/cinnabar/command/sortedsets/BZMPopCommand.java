package io.cinnabar.command.sortedsets;

import static io.cinnabar.command.CommandFlag.BLOCKING;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.blocking.Blocking;
import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;

/** {@code BZMPOP timeout numkeys key [key ...] MIN|MAX [COUNT count]}. */
final class BZMPopCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("bzmpop", "sorted-set").arity(-5).flags(WRITE, BLOCKING)
            .acl(AclCategory.SORTEDSET)
            .key(KeySpec.keynum(2, 0, 1, 1, KeySpec.RW | KeySpec.ACCESS | KeySpec.DELETE))
            .doc("Remove and return members with scores in a sorted set or block until one is available", "7.0.0", "O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of elements in the sorted set, and M being the number of elements popped.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ZPop.MPop p = ZPop.parseMPop(argv, 2);
        long timeout = Blocking.parseTimeout(argv.get(1), ctx.now());
        ZPop.blockingPop(ctx, p.keys(), p.max(), p.count(), timeout);
    }
}
