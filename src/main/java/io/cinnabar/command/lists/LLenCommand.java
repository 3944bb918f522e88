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

/** {@code LLEN key}. */
final class LLenCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("llen", "list").arity(2).flags(READONLY, FAST)
            .acl(AclCategory.LIST).key(KeySpec.single(1, KeySpec.RO)).doc("Get the length of a list", "1.0.0", "O(1)")
            .build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ListValue list = Lists.get(ctx, argv.get(1));
        ctx.out().integer(list == null ? 0 : list.size());
    }
}
