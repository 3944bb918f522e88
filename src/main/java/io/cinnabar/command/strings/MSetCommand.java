package io.cinnabar.command.strings;

import static io.cinnabar.command.CommandFlag.DENYOOM;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.KeyEvent;
import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.error.Errors;

/** {@code MSET key value [key value ...]}; with {@code nx}, MSETNX: nothing is set if any key exists. */
final class MSetCommand implements Command {
    static final CommandSpec MSET = CommandSpec.builder("mset", "string").arity(-3).flags(WRITE, DENYOOM)
            .acl(AclCategory.STRING).key(KeySpec.range(1, -1, 2, KeySpec.OW | KeySpec.UPDATE))
            .doc("Set multiple keys to multiple values", "1.0.1", "O(N) where N is the number of keys to set.")
            .tips("request_policy:multi_shard", "response_policy:all_succeeded").build();
    static final CommandSpec MSETNX = CommandSpec.builder("msetnx", "string").arity(-3).flags(WRITE, DENYOOM)
            .acl(AclCategory.STRING).key(KeySpec.range(1, -1, 2, KeySpec.OW | KeySpec.INSERT))
            .doc("Set multiple keys to multiple values, only if none of the keys exist", "1.0.1",
                    "O(N) where N is the number of keys to set.")
            .tips("request_policy:multi_shard", "response_policy:agg_min").build();

    private final boolean nx;

    MSetCommand(boolean nx) {
        this.nx = nx;
    }

    @Override public CommandSpec spec() {
        return nx ? MSETNX : MSET;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        if (argv.size() % 2 == 0) throw Errors.wrongArity(spec().fullName());
        if (nx) {
            for (int j = 1; j < argv.size(); j += 2) {
                if (ctx.db().lookup(argv.get(j)) != null) {
                    ctx.out().integer(0);
                    return;
                }
            }
        }
        for (int j = 1; j < argv.size(); j += 2) {
            ctx.db().set(argv.get(j), argv.get(j + 1));
            ctx.modified(argv.get(j), KeyEvent.SET_STRING);
        }
        if (nx) ctx.out().integer(1);
        else ctx.out().ok();
    }
}
