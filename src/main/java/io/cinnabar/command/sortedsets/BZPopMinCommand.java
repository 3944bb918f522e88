package io.cinnabar.command.sortedsets;

import static io.cinnabar.command.CommandFlag.BLOCKING;
import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.blocking.Blocking;
import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;

/** {@code BZPOPMIN key [key ...] timeout}. */
final class BZPopMinCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("bzpopmin", "sorted-set").arity(-3).flags(WRITE, NOSCRIPT, BLOCKING, FAST)
            .acl(AclCategory.SORTEDSET)
            .key(KeySpec.range(1, -2, 1, KeySpec.RW | KeySpec.ACCESS | KeySpec.DELETE))
            .doc("Remove and return the member with the lowest score from one or more sorted sets, or block until one is available", "5.0.0", "O(log(N)) with N being the number of elements in the sorted set.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        long timeout = Blocking.parseTimeout(argv.get(argv.size() - 1), ctx.now());
        ZPop.blockingPop(ctx, ZPop.keys(argv, 1, argv.size() - 2), false, -1, timeout);
    }
}
