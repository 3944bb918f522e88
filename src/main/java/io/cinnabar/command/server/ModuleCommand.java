package io.cinnabar.command.server;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;

/** {@code MODULE LIST|LOAD|LOADEX|UNLOAD|HELP}: a server without module support (none loaded, none loadable). */
final class ModuleCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("module", "server").arity(-2)
            .doc("A container for module commands", "4.0.0", "Depends on subcommand.")
            .subcommands(new ModuleListCommand(), new ModuleLoadCommand("load", "Load a module"),
                    new ModuleLoadCommand("loadex", "Load a module with extended parameters"),
                    new ModuleUnloadCommand(), new ModuleHelpCommand())
            .build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        throw Errors.wrongArity("module");
    }
}
