package io.cinnabar.command.connection;

import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.ClientConnection;

/** {@code CLIENT REPLY ON|OFF|SKIP}: OFF and SKIP are not answered. */
final class ClientReplyCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("reply", "connection").parent("client").arity(3).flags(NOSCRIPT, LOADING, STALE).acl(AclCategory.CONNECTION)
            .doc("Instruct the server whether to reply to commands", "3.2.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ClientConnection c = ctx.client();
        if (argv.is(2, "on")) {
            c.replyMode = ClientConnection.ReplyMode.ON;
            ctx.out().ok();
        } else if (argv.is(2, "off")) {
            c.replyMode = ClientConnection.ReplyMode.OFF;
        } else if (argv.is(2, "skip")) {
            if (c.replyMode != ClientConnection.ReplyMode.OFF) c.replyMode = ClientConnection.ReplyMode.SKIP_NEXT;
        } else {
            throw Errors.SYNTAX;
        }
    }
}
