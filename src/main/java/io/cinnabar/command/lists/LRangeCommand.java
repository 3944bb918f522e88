package io.cinnabar.command.lists;

import static io.cinnabar.command.CommandFlag.*;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.ListValue;

/** {@code LRANGE key start stop}. */
final class LRangeCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("lrange", "list").arity(4).flags(READONLY)
            .acl(AclCategory.LIST).key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Get a range of elements from a list", "1.0.0", "O(S+N) where S is the distance of start offset "
                    + "from HEAD for small lists, from nearest end (HEAD or TAIL) for large lists; and N is the "
                    + "number of elements in the specified range.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        long start = argv.longArg(2);
        long end = argv.longArg(3);
        ListValue list = Lists.get(ctx, argv.get(1));
        if (list == null) {
            ctx.out().emptyArray();
            return;
        }
        Lists.rangeReply(ctx.out(), list, start, end);
    }
}
