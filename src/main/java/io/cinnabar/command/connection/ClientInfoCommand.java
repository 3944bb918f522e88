package io.cinnabar.command.connection;

import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.ClientInfo;

/** {@code CLIENT INFO}: this connection's CLIENT LIST line. */
final class ClientInfoCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("info", "connection").parent("client").arity(2).flags(NOSCRIPT, LOADING, STALE).acl(AclCategory.CONNECTION)
            .tips("nondeterministic_output")
            .doc("Returns information about the current client connection.", "6.2.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ctx.out().verbatim(ClientInfo.describe(ctx.server(), ctx.client()) + "\n");
    }
}
