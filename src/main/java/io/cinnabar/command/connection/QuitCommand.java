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

/** {@code QUIT}: replies OK, then closes the connection once the reply is written. */
final class QuitCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("quit", "connection").arity(-1)
            .flags(ALLOW_BUSY, NOSCRIPT, LOADING, STALE, FAST, NO_AUTH).acl(AclCategory.CONNECTION)
            .doc("Close the connection", "1.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ctx.out().ok();
        ctx.client().flags |= ClientConnection.CLOSE_AFTER_REPLY;
    }
}
