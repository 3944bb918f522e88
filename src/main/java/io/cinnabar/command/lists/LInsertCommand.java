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
import java.util.Arrays;

/** {@code LINSERT key BEFORE|AFTER pivot element}. */
final class LInsertCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("linsert", "list").arity(5).flags(WRITE, DENYOOM)
            .acl(AclCategory.LIST).key(KeySpec.single(1, KeySpec.RW | KeySpec.INSERT))
            .doc("Insert an element before or after another element in a list", "2.2.0", "O(N) where N is the "
                    + "number of elements to traverse before seeing the value pivot. This means that inserting "
                    + "somewhere on the left end on the list (head) can be considered O(1) and inserting somewhere "
                    + "on the right end (tail) is O(N).").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        boolean after;
        if (argv.is(2, "after")) after = true;
        else if (argv.is(2, "before")) after = false;
        else throw Errors.SYNTAX;
        byte[] key = argv.get(1);
        ListValue list = Lists.get(ctx, key);
        if (list == null) {
            ctx.out().integer(0);
            return;
        }
        byte[] pivot = argv.get(3);
        int n = list.length();
        for (int i = 0; i < n; i++) {
            if (Arrays.equals(list.get(i), pivot)) {
                list.insert(after ? i + 1 : i, argv.get(4));
                ctx.modified(key, Lists.LINSERT);
                ctx.out().integer(list.size());
                return;
            }
        }
        ctx.out().integer(-1);
    }
}
