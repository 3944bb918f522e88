package io.cinnabar.command.server;

import static io.cinnabar.command.CommandFlag.ADMIN;
import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;

/** {@code LATENCY DOCTOR}: a short human readable report (not Dave the doctor's full prose). */
final class LatencyDoctorCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("doctor", "server").parent("latency").arity(2).flags(ADMIN, NOSCRIPT, LOADING, STALE)
            .tips("nondeterministic_output", "request_policy:all_nodes", "response_policy:special")
            .doc("Return a human readable latency analysis report.", "2.8.13", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        var events = ctx.server().latency().events();
        StringBuilder sb = new StringBuilder();
        if (events.isEmpty()) {
            sb.append("Dave, no latency spike was observed during the lifetime of this Redis instance, not in the "
                    + "slightest bit. I honestly think you ought to sleep tonight.\n");
        } else {
            sb.append("Dave, I have observed latency spikes in this Redis instance. You don't mind talking about it, "
                    + "do you Dave?\n\n");
            int i = 1;
            for (var e : events.entrySet()) {
                var s = e.getValue();
                long sum = 0, n = 0;
                for (int j = 0; j < s.time.length; j++) {
                    if (s.time[j] == 0) continue;
                    sum += s.latency[j];
                    n++;
                }
                sb.append(i++).append(". ").append(e.getKey()).append(": ").append(n)
                        .append(" latency spikes (average ").append(n == 0 ? 0 : sum / n).append("ms, mean deviation ")
                        .append("0ms, period 0 sec). Worst all time event ").append(s.max).append("ms.\n");
            }
            sb.append("\nI have a few advices for you:\n\n- Check your system for the sources of the spikes above.\n");
        }
        ctx.out().verbatim(sb.toString());
    }
}
