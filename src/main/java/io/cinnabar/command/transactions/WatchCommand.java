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
import io.cinnabar.command.KeySpec;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.ClientConnection;

/** {@code WATCH key [key ...]}: the next EXEC fails (null array) if any of the keys changes first. */
final class WatchCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("watch", "transactions").arity(-2)
            .flags(NOSCRIPT, LOADING, STALE, FAST, ALLOW_BUSY).acl(AclCategory.TRANSACTION)
            .key(KeySpec.range(1, -1, 1, KeySpec.RO))
            .doc("Watch the given keys to determine execution of the MULTI/EXEC block", "2.2.0",
                    "O(1) for every key.")
            .build();
    private static final RedisError INSIDE_MULTI = Errors.err("WATCH inside MULTI is not allowed");

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ClientConnection c = ctx.client();
        if (c.has(ClientConnection.MULTI)) throw INSIDE_MULTI;
        // no point in watching if the transaction is already dirty
        if (!c.has(ClientConnection.DIRTY_CAS)) {
            Watches w = ctx.server().watches();
            for (int i = 1; i < argv.size(); i++) w.watch(c, ctx.dbIndex(), argv.get(i));
        }
        ctx.out().ok();
    }
}
