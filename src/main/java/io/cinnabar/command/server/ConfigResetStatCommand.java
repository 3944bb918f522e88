package io.cinnabar.command.server;

import static io.cinnabar.command.CommandFlag.ADMIN;
import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandEntry;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.Server;

/** {@code CONFIG RESETSTAT}: server, command, error and latency statistics. */
final class ConfigResetStatCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("resetstat", "server").parent("config").arity(2).flags(ADMIN, NOSCRIPT, LOADING, STALE)
            .doc("Reset the stats returned by INFO", "2.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Server s = ctx.server();
        s.stats().reset();
        for (CommandEntry e : s.registry().all()) e.resetStats();
        s.latency().resetHistograms();
        ctx.out().ok();
    }
}
