package io.cinnabar.command.sortedsets;

import static io.cinnabar.command.CommandFlag.DENYOOM;
import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;

/** {@code ZADD key [NX|XX] [GT|LT] [CH] [INCR] score member [score member ...]}. */
final class ZAddCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("zadd", "sorted-set").arity(-4).flags(WRITE, DENYOOM, FAST)
            .acl(AclCategory.SORTEDSET)
            .key(KeySpec.single(1, KeySpec.RW | KeySpec.UPDATE))
            .doc("Add one or more members to a sorted set, or update its score if it already exists", "1.2.0", "O(log(N)) for each item added, where N is the number of elements in the sorted set.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ZAdd.run(ctx, argv, 0);
    }
}
