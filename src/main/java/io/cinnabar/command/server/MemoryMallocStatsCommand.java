package io.cinnabar.command.server;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.Stats;

/** {@code MEMORY MALLOC-STATS}: there is no allocator to ask in a JVM. */
final class MemoryMallocStatsCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("malloc-stats", "server").parent("memory").arity(2)
            .tips("nondeterministic_output", "request_policy:all_shards", "response_policy:special")
            .doc("Show allocator internal stats", "4.0.0", "Depends on how much memory is allocated, could be slow").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ctx.out().verbatim("Stats not supported for the current allocator");
    }
}
