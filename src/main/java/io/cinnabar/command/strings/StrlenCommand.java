package io.cinnabar.command.strings;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;

/** {@code STRLEN key}. */
final class StrlenCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("strlen", "string").arity(2).flags(READONLY, FAST)
            .acl(AclCategory.STRING).key(KeySpec.single(1, KeySpec.RO))
            .doc("Get the length of the value stored in a key", "2.2.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ctx.out().integer(Strings.length(Strings.readString(ctx, argv.get(1))));
    }
}
