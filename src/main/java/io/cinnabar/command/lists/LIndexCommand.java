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

/** {@code LINDEX key index}. */
final class LIndexCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("lindex", "list").arity(3).flags(READONLY)
            .acl(AclCategory.LIST).key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Get an element from a list by its index", "1.0.0", "O(N) where N is the number of elements to "
                    + "traverse to get to the element at index. This makes asking for the first or the last element "
                    + "of the list O(1).").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ListValue list = Lists.get(ctx, argv.get(1));
        if (list == null) {
            ctx.out().nullBulk();
            return;
        }
        long index = argv.longArg(2);
        if (index < 0) index += list.size();
        if (index < 0 || index >= list.size()) ctx.out().nullBulk();
        else ctx.out().bulk(list.get((int) index));
    }
}
