package io.cinnabar.command.server;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;

/** {@code SLOWLOG GET|LEN|RESET|HELP}: a container. */
final class SlowlogCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("slowlog", "server").arity(-2)
            .doc("A container for slow log commands", "2.2.12", "Depends on subcommand.")
            .subcommands(new SlowlogGetCommand(), new SlowlogLenCommand(), new SlowlogResetCommand(),
                    new SlowlogHelpCommand()).build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        throw Errors.wrongArity("slowlog");
    }
}
