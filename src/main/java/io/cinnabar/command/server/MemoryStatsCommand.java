package io.cinnabar.command.server;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.memory.MemoryInfo;
import io.cinnabar.resp.Argv;

/** {@code MEMORY STATS}: Redis' field names, our accounting's figures (see {@link MemoryInfo}). */
final class MemoryStatsCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("stats", "server").parent("memory").arity(2)
            .tips("nondeterministic_output", "request_policy:all_shards", "response_policy:special")
            .doc("Show memory usage details", "4.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        MemoryInfo.stats(ctx.server(), ctx.out());
    }
}
