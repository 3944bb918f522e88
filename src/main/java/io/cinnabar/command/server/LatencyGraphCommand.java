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

/** {@code LATENCY GRAPH event}: a simple ASCII graph of the samples. */
final class LatencyGraphCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("graph", "server").parent("latency").arity(3).flags(ADMIN, NOSCRIPT, LOADING, STALE)
            .tips("nondeterministic_output", "request_policy:all_nodes", "response_policy:special")
            .doc("Return a latency graph for the event.", "2.8.13", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        String event = argv.str(2);
        var s = ctx.server().latency().events().get(event);
        if (s == null) throw Errors.err("No samples available for event '" + event + "'");
        long min = Long.MAX_VALUE, max = 0;
        StringBuilder bars = new StringBuilder();
        for (int j = 0; j < io.cinnabar.server.LatencyMonitor.SAMPLES; j++) {
            int i = (s.idx + j) % io.cinnabar.server.LatencyMonitor.SAMPLES;
            if (s.time[i] == 0) continue;
            min = Math.min(min, s.latency[i]);
            max = Math.max(max, s.latency[i]);
        }
        for (int j = 0; j < io.cinnabar.server.LatencyMonitor.SAMPLES; j++) {
            int i = (s.idx + j) % io.cinnabar.server.LatencyMonitor.SAMPLES;
            if (s.time[i] == 0) continue;
            bars.append(s.latency[i] * 4 >= max * 3 ? '#' : s.latency[i] * 2 >= max ? '|' : '_');
        }
        String graph = event + " - high " + max + " ms, low " + (min == Long.MAX_VALUE ? 0 : min)
                + " ms (all time high " + s.max + " ms)\n" + "-".repeat(80) + "\n" + bars + "\n";
        ctx.out().verbatim(graph);
    }
}
