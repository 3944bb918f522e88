package io.cinnabar.command.server;

import static io.cinnabar.command.CommandFlag.ADMIN;
import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;

/** {@code LATENCY HISTORY event}: [time, ms] samples, oldest first. */
final class LatencyHistoryCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("history", "server").parent("latency").arity(3).flags(ADMIN, NOSCRIPT, LOADING, STALE)
            .tips("nondeterministic_output", "request_policy:all_nodes", "response_policy:special")
            .doc("Return timestamp-latency samples for the event.", "2.8.13", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        RespOut out = ctx.out();
        var s = ctx.server().latency().events().get(argv.str(2));
        if (s == null) {
            out.emptyArray();
            return;
        }
        int token = out.deferred();
        int n = 0;
        for (int j = 0; j < io.cinnabar.server.LatencyMonitor.SAMPLES; j++) {
            int i = (s.idx + j) % io.cinnabar.server.LatencyMonitor.SAMPLES;
            if (s.time[i] == 0) continue;
            out.arrayHeader(2);
            out.integer(s.time[i]);
            out.integer(s.latency[i]);
            n++;
        }
        out.setDeferredArray(token, n);
    }
}
