package io.cinnabar.command.strings;

import static io.cinnabar.command.CommandFlag.DENYOOM;
import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.KeyEvent;
import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;

/** {@code SETNX key value}. */
final class SetNxCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("setnx", "string").arity(3).flags(WRITE, DENYOOM, FAST)
            .acl(AclCategory.STRING).key(KeySpec.single(1, KeySpec.OW | KeySpec.INSERT))
            .doc("Set the value of a key, only if the key does not exist", "1.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        byte[] key = argv.get(1);
        if (ctx.db().lookup(key) != null) {
            ctx.out().integer(0);
            return;
        }
        ctx.db().add(key, argv.get(2));
        ctx.modified(key, KeyEvent.SET_STRING);
        ctx.out().integer(1);
    }
}
