package io.cinnabar.command.sortedsets;

import static io.cinnabar.command.CommandFlag.DENYOOM;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;

/** {@code ZRANGESTORE dst src min max [BYSCORE|BYLEX] [REV] [LIMIT offset count]}. */
final class ZRangeStoreCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("zrangestore", "sorted-set").arity(-5).flags(WRITE, DENYOOM)
            .acl(AclCategory.SORTEDSET)
            .key(KeySpec.single(1, KeySpec.OW | KeySpec.UPDATE))
            .key(KeySpec.single(2, KeySpec.RO | KeySpec.ACCESS))
            .doc("Store a range of members from sorted set into another key", "6.2.0", "O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements stored into the destination key.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ZRange.run(ctx, argv, 2, argv.get(1), ZRange.AUTO, ZRange.AUTO);
    }
}
