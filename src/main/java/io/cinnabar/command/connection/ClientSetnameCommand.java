package io.cinnabar.command.connection;

import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;
import java.util.Set;

/** {@code CLIENT SETNAME name}: an empty name removes it. */
final class ClientSetnameCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("setname", "connection").parent("client").arity(3).flags(NOSCRIPT, LOADING, STALE).acl(AclCategory.CONNECTION)
            .doc("Set the current connection name", "2.6.9", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        String name = ClientNames.validate(argv.get(2));
        ctx.client().name = name.isEmpty() ? null : name;
        ctx.out().ok();
    }
}
