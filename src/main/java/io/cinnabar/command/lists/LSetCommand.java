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

/** {@code LSET key index element}. */
final class LSetCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("lset", "list").arity(4).flags(WRITE, DENYOOM)
            .acl(AclCategory.LIST).key(KeySpec.single(1, KeySpec.RW | KeySpec.UPDATE))
            .doc("Set the value of an element in a list by its index", "1.0.0", "O(N) where N is the length of the "
                    + "list. Setting either the first or the last element of the list is O(1).").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        byte[] key = argv.get(1);
        ListValue list = Lists.get(ctx, key);
        if (list == null) throw Errors.NO_SUCH_KEY;
        long index = argv.longArg(2);
        if (index < 0) index += list.size();
        if (index < 0 || index >= list.size()) throw Errors.INDEX_OUT_OF_RANGE;
        list.set((int) index, argv.get(3));
        ctx.out().ok();
        ctx.modified(key, Lists.LSET);
    }
}
