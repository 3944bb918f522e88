package io.cinnabar.command.server;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;

/** {@code MEMORY PURGE}: nothing to purge; OK as with a non-jemalloc Redis. */
final class MemoryPurgeCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("purge", "server").parent("memory").arity(2)
            .tips("request_policy:all_shards", "response_policy:all_succeeded")
            .doc("Ask the allocator to release memory", "4.0.0", "Depends on how much memory is allocated, could be slow").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ctx.out().ok();
    }
}
