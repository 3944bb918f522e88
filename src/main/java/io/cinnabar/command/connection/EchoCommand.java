package io.cinnabar.command.connection;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;

/** {@code ECHO message}. */
final class EchoCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("echo", "connection").arity(2)
            .flags(LOADING, STALE, FAST).acl(AclCategory.CONNECTION).doc("Echo the given string", "1.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ctx.out().bulk(argv.get(1));
    }
}
