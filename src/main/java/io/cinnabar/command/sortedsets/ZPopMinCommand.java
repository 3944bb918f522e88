package io.cinnabar.command.sortedsets;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;
import io.cinnabar.util.Numbers;

/** {@code ZPOPMIN key [count]}. */
final class ZPopMinCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("zpopmin", "sorted-set").arity(-2).flags(WRITE, FAST)
            .acl(AclCategory.SORTEDSET)
            .key(KeySpec.single(1, KeySpec.RW | KeySpec.ACCESS | KeySpec.DELETE))
            .doc("Remove and return members with the lowest scores in a sorted set", "5.0.0", "O(log(N)*M) with N being the number of elements in the sorted set, and M being the number of elements popped.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        if (argv.size() > 3) throw Errors.SYNTAX;
        long count = -1;
        if (argv.size() == 3) {
            count = Numbers.parseLongOr(argv.get(2), -1);
            if (count < 0) throw ZPop.NOT_POSITIVE;
        }
        ZPop.pop(ctx, new byte[][] {argv.get(1)}, false, count, ZPop.NESTED_IF_COUNT, false, false);
    }
}
