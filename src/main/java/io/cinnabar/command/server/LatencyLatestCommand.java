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

/** {@code LATENCY LATEST}: [event, time, latest ms, max ms] per event. */
final class LatencyLatestCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("latest", "server").parent("latency").arity(2).flags(ADMIN, NOSCRIPT, LOADING, STALE)
            .tips("nondeterministic_output", "request_policy:all_nodes", "response_policy:special")
            .doc("Return the latest latency samples for all events.", "2.8.13", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        RespOut out = ctx.out();
        var events = ctx.server().latency().events();
        out.arrayHeader(events.size());
        for (var e : events.entrySet()) {
            var s = e.getValue();
            int last = s.last();
            out.arrayHeader(4);
            out.bulk(e.getKey());
            out.integer(s.time[last]);
            out.integer(s.latency[last]);
            out.integer(s.max);
        }
    }
}
