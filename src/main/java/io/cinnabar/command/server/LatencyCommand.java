package io.cinnabar.command.server;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;

/** {@code LATENCY LATEST|HISTORY|RESET|DOCTOR|GRAPH|HISTOGRAM|HELP}: a container. */
final class LatencyCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("latency", "server").arity(-2)
            .doc("A container for latency diagnostics commands", "2.8.13", "Depends on subcommand.")
            .subcommands(new LatencyLatestCommand(), new LatencyHistoryCommand(), new LatencyResetCommand(),
                    new LatencyDoctorCommand(), new LatencyGraphCommand(), new LatencyHistogramCommand(),
                    new LatencyHelpCommand()).build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        throw Errors.wrongArity("latency");
    }
}
