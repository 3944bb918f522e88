package io.cinnabar.command.transactions;

import static io.cinnabar.command.CommandFlag.ALLOW_BUSY;
import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.ClientConnection;

/** {@code MULTI}: starts queueing the client's commands until EXEC or DISCARD. */
final class MultiCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("multi", "transactions").arity(1)
            .flags(NOSCRIPT, LOADING, STALE, FAST, ALLOW_BUSY).acl(AclCategory.TRANSACTION)
            .doc("Mark the start of a transaction block", "1.2.0", "O(1)").build();
    static final RedisError NESTED = Errors.err("MULTI calls can not be nested");

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ClientConnection c = ctx.client();
        if (c.has(ClientConnection.MULTI)) throw NESTED;
        c.flags |= ClientConnection.MULTI;
        ctx.out().ok();
    }
}
