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
import io.cinnabar.command.WatchSignal;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.ClientConnection;

/** {@code UNWATCH}: forgets all watched keys and clears a pending WATCH failure. */
final class UnwatchCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("unwatch", "transactions").arity(1)
            .flags(NOSCRIPT, LOADING, STALE, FAST, ALLOW_BUSY).acl(AclCategory.TRANSACTION)
            .doc("Forget about all watched keys", "2.2.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ClientConnection c = ctx.client();
        WatchSignal w = ctx.server().watches();
        if (w != null) w.unwatchAll(c);
        c.flags &= ~ClientConnection.DIRTY_CAS;
        ctx.out().ok();
    }
}
