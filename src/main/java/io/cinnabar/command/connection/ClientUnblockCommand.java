package io.cinnabar.command.connection;

import static io.cinnabar.command.CommandFlag.ADMIN;
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

/** {@code CLIENT UNBLOCK client-id [TIMEOUT|ERROR]}: 1 when the client was blocked and is now served. */
final class ClientUnblockCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("unblock", "connection").parent("client").arity(-3).flags(ADMIN, NOSCRIPT, LOADING, STALE).acl(AclCategory.CONNECTION)
            .doc("Unblock a client blocked in a blocking command from a different connection", "5.0.0", "O(log N) where N is the number of client connections").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        long id = argv.longArg(2);
        boolean error = false;
        if (argv.size() == 4) {
            if (argv.is(3, "error")) error = true;
            else if (!argv.is(3, "timeout")) throw Errors.err("CLIENT UNBLOCK reason should be TIMEOUT or ERROR");
        } else if (argv.size() > 4) {
            throw Errors.SYNTAX;
        }
        ClientConnection target = ctx.server().clients().get(id);
        boolean done = target != null && target.postponedArgv == null
                && ctx.server().blocking().unblock(target, error);
        if (done) ctx.server().markPendingFlush(target);
        ctx.out().integer(done ? 1 : 0);
    }
}
