package io.cinnabar.command.server;

import static io.cinnabar.command.CommandFlag.ADMIN;
import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.ClientConnection;

/** {@code MONITOR}: the client gets every command run afterwards (see IntrospectionListener). */
final class MonitorCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("monitor", "server").arity(1).flags(ADMIN, NOSCRIPT, LOADING, STALE)
            .doc("Listen for all requests received by the server in real time", "1.0.0", "").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ClientConnection c = ctx.client();
        if (ctx.nested()) throw Errors.err("MONITOR isn't allowed for DENY BLOCKING client");
        if (c.has(ClientConnection.REPLICA) || c.has(ClientConnection.MONITOR)) return;
        c.flags |= ClientConnection.REPLICA | ClientConnection.MONITOR;
        ctx.server().monitors().add(c);
        ctx.out().ok();
    }
}
