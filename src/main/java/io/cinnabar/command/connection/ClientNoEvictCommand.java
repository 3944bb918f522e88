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
import java.util.Set;

/** {@code CLIENT NO-EVICT ON|OFF}. */
final class ClientNoEvictCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("no-evict", "connection").parent("client").arity(3).flags(ADMIN, NOSCRIPT, LOADING, STALE).acl(AclCategory.CONNECTION)
            .doc("Set client eviction mode for the current connection", "7.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ClientConnection c = ctx.client();
        if (argv.is(2, "on")) c.flags |= ClientConnection.NO_EVICT;
        else if (argv.is(2, "off")) c.flags &= ~ClientConnection.NO_EVICT;
        else throw Errors.SYNTAX;
        ctx.server().clientEviction().update(c); // joins or leaves the eviction buckets
        ctx.out().ok();
    }
}
