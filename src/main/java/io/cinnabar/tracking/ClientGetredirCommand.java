package io.cinnabar.tracking;

import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.ClientConnection;

/** {@code CLIENT GETREDIR}: -1 unless tracking with a redirection. */
public final class ClientGetredirCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("getredir", "connection").parent("client").arity(2).flags(NOSCRIPT, LOADING, STALE).acl(AclCategory.CONNECTION)
            .doc("Get tracking notifications redirection client ID if any", "6.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ClientConnection c = ctx.client();
        ctx.out().integer(c.has(ClientConnection.TRACKING) ? c.trackingRedirect : -1);
    }
}
