package io.cinnabar.command.scripting;

import static io.cinnabar.command.CommandFlag.*;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.scripting.Functions;
import io.cinnabar.scripting.Scripting;

/** {@code FUNCTION <subcommand> ...}: the container of the library commands. */
final class FunctionCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("function", "scripting").arity(-2)
            .doc("A container for function commands", "7.0.0", "Depends on subcommand.")
            .subcommands(new FunctionListCommand(), new FunctionStatsCommand(), new FunctionKillCommand(),
                    new FunctionDumpCommand(), new FunctionDeleteCommand(), new FunctionRestoreCommand(),
                    new FunctionHelpCommand(), new FunctionFlushCommand(), new FunctionLoadCommand())
            .build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        throw Errors.subcommandSyntax(argv.str(1), "function");
    }
}
