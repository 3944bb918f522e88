package io.cinnabar.command.transactions;

import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.SKIP_SLOWLOG;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AccessControl;
import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandEntry;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.Dispatcher;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.ClientConnection;

/**
 * {@code EXEC}: runs the queued commands as one unit. A WATCHed key that changed (or expired)
 * gives a null array; an error while queueing gives EXECABORT. Each command runs through
 * {@link Dispatcher#call}, so runtime errors are replied in place and the rest still runs, and
 * what they wrote is propagated once, wrapped in MULTI/EXEC when more than one command wrote.
 */
final class ExecCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("exec", "transactions").arity(1)
            .flags(NOSCRIPT, LOADING, STALE, SKIP_SLOWLOG).acl(AclCategory.TRANSACTION)
            .doc("Execute all commands issued after MULTI", "1.2.0", "Depends on commands in the transaction")
            .build();
    private static final RedisError WITHOUT_MULTI = Errors.err("EXEC without MULTI");

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ClientConnection c = ctx.client();
        if (!c.has(ClientConnection.MULTI)) throw WITHOUT_MULTI;
        Dispatcher d = ctx.server().dispatcher();
        Watches watches = ctx.server().watches();
        if (watches != null && watches.watchedKeyExpired(c)) c.flags |= ClientConnection.DIRTY_CAS;
        if (c.has(ClientConnection.DIRTY_CAS | ClientConnection.DIRTY_EXEC)) {
            boolean abort = c.has(ClientConnection.DIRTY_EXEC);
            d.discardTransaction(c);
            if (abort) throw Errors.EXECABORT;
            ctx.out().nullArray();
            return;
        }
        if (watches != null) watches.unwatchAll(c); // unwatch ASAP: our own writes must not mark us dirty
        int n = c.multiCommands.size();
        CommandEntry[] cmds = c.multiCommands.toArray(new CommandEntry[0]);
        Argv[] argvs = c.multiArgv.toArray(new Argv[0]);
        ctx.out().arrayHeader(n);
        boolean wasNested = ctx.nested(true);
        try {
            AccessControl access = d.accessControl();
            for (int j = 0; j < n; j++) {
                // ACLs are checked again: they may have changed since the command was queued
                RedisError denied = access == null ? null : access.checkQueued(c, cmds[j], argvs[j]);
                if (denied != null) d.replyError(c, denied);
                else d.call(ctx, cmds[j], argvs[j]);
            }
        } finally {
            ctx.nested(wasNested);
            d.discardTransaction(c);
        }
    }
}
