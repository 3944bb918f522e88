package io.cinnabar.command.connection;

import static io.cinnabar.command.CommandFlag.ALLOW_BUSY;
import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.NO_AUTH;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.ClientConnection;

/** {@code RESET}: back to a fresh connection (db 0, RESP2, no name, no MULTI/WATCH/subscriptions). */
final class ResetCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("reset", "connection").arity(1).flags(NOSCRIPT, LOADING, STALE, FAST, NO_AUTH, ALLOW_BUSY).acl(AclCategory.CONNECTION)
            .doc("Reset the connection", "6.2.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ClientConnection c = ctx.client();
        if (c.has(ClientConnection.MONITOR)) { // clearClientConnectionState: no longer a monitor
            ctx.server().monitors().remove(c);
            c.flags &= ~(ClientConnection.MONITOR | ClientConnection.REPLICA);
        }
        ctx.server().runResetHooks(c);
        c.db = 0;
        c.out().protocol(2);
        c.name = null;
        ctx.server().setDefaultAuth(c);
        c.replyMode = ClientConnection.ReplyMode.ON;
        c.flags &= ~(ClientConnection.READONLY | ClientConnection.PUBSUB); // tracking: its reset hook
        ctx.out().simple("RESET");
    }
}
