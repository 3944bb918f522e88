package io.cinnabar.command.server;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;

/** {@code MEMORY USAGE|STATS|DOCTOR|MALLOC-STATS|PURGE|HELP}: a container. */
final class MemoryCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("memory", "server").arity(-2)
            .doc("A container for memory diagnostics commands", "4.0.0", "Depends on subcommand.")
            .subcommands(new MemoryUsageCommand(), new MemoryStatsCommand(), new MemoryDoctorCommand(),
                    new MemoryMallocStatsCommand(), new MemoryPurgeCommand(), new MemoryHelpCommand()).build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        throw Errors.wrongArity("memory");
    }
}
