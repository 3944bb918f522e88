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

/** {@code DISCARD}: drops the queued commands, leaves MULTI and unwatches every key. */
final class DiscardCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("discard", "transactions").arity(1)
            .flags(NOSCRIPT, LOADING, STALE, FAST, ALLOW_BUSY).acl(AclCategory.TRANSACTION)
            .doc("Discard all commands issued after MULTI", "2.0.0", "O(N), when N is the number of queued commands")
            .build();
    private static final RedisError WITHOUT_MULTI = Errors.err("DISCARD without MULTI");

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ClientConnection c = ctx.client();
        if (!c.has(ClientConnection.MULTI)) throw WITHOUT_MULTI;
        ctx.server().dispatcher().discardTransaction(c);
        ctx.out().ok();
    }
}
