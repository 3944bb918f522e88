package io.cinnabar.command.server;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;

/** {@code MEMORY DOCTOR}. */
final class MemoryDoctorCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("doctor", "server").parent("memory").arity(2)
            .tips("nondeterministic_output", "request_policy:all_shards", "response_policy:special")
            .doc("Outputs memory problems report", "4.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ctx.out().verbatim(io.cinnabar.memory.MemoryInfo.doctor(ctx.server()));
    }
}
