package io.cinnabar.command.connection;

import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;

/** {@code CLIENT ID}. */
final class ClientIdCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("id", "connection").parent("client").arity(2).flags(NOSCRIPT, LOADING, STALE).acl(AclCategory.CONNECTION)
            .doc("Returns the client ID for the current connection", "5.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ctx.out().integer(ctx.client().id());
    }
}
