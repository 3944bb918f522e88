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
import io.cinnabar.resp.RespOut;

/** {@code LATENCY HISTOGRAM [command ...]}: per command {calls, histogram_usec: {bucket: cumulative}}. */
final class LatencyHistogramCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("histogram", "server").parent("latency").arity(-2).flags(ADMIN, NOSCRIPT, LOADING, STALE)
            .tips("nondeterministic_output", "request_policy:all_nodes", "response_policy:special")
            .doc("Return the cumulative distribution of latencies of a subset of commands or all.", "7.0.0", "O(N) where N is the number of commands with latency information being retrieved.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        RespOut out = ctx.out();
        int token = out.deferred();
        int n = 0;
        var registry = ctx.server().registry();
        if (argv.size() == 2) {
            for (CommandEntry e : registry.all()) n += withSubcommands(ctx, e);
        } else {
            for (int i = 2; i < argv.size(); i++) {
                CommandEntry e = registry.lookupFullName(argv.str(i));
                if (e != null) n += withSubcommands(ctx, e);
            }
        }
        out.setDeferredMap(token, n);
    }

    private static int withSubcommands(Ctx ctx, CommandEntry e) {
        int n = emit(ctx, e);
        if (e.subcommands() != null) for (CommandEntry sub : e.subcommands().values()) n += emit(ctx, sub);
        return n;
    }

    private static int emit(Ctx ctx, CommandEntry e) {
        long[] h = ctx.server().latency().histogram(e);
        if (h == null) return 0;
        RespOut out = ctx.out();
        long total = 0;
        int buckets = 0;
        for (long x : h) {
            total += x;
            if (x > 0) buckets++;
        }
        out.bulk(e.spec().fullName());
        out.mapHeader(2);
        out.bulk("calls");
        out.integer(total);
        out.bulk("histogram_usec");
        out.mapHeader(buckets);
        long cumulative = 0;
        for (int i = 0; i < h.length; i++) {
            if (h[i] == 0) continue;
            cumulative += h[i];
            out.integer(1L << i);
            out.integer(cumulative);
        }
        return 1;
    }
}
