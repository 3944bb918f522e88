package io.cinnabar.command.server;

import static io.cinnabar.command.CommandFlag.ADMIN;
import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;

/** {@code LATENCY RESET [event ...]}: returns how many event series were reset. */
final class LatencyResetCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("reset", "server").parent("latency").arity(-2).flags(ADMIN, NOSCRIPT, LOADING, STALE)
            .tips("request_policy:all_nodes", "response_policy:all_succeeded")
            .doc("Reset latency data for one or more events.", "2.8.13", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        var lm = ctx.server().latency();
        if (argv.size() == 2) {
            ctx.out().integer(lm.reset(null));
            return;
        }
        int n = 0;
        for (int i = 2; i < argv.size(); i++) n += lm.reset(argv.str(i));
        ctx.out().integer(n);
    }
}
