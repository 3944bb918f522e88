package io.cinnabar.command.server;

import static io.cinnabar.command.CommandFlag.ADMIN;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.NO_ASYNC_LOADING;
import static io.cinnabar.command.CommandFlag.PROTECTED;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;

/**
 * {@code MODULE LOAD path [arg ...]} and {@code MODULE LOADEX path [CONFIG name value ...] [ARGS ...]}:
 * gated by enable-module-command; no native module can be loaded, so Redis' load failure is the answer.
 */
final class ModuleLoadCommand implements Command {
    private final CommandSpec spec;

    ModuleLoadCommand(String name, String summary) {
        this.spec = CommandSpec.builder(name, "server").parent("module").arity(-3)
                .flags(NO_ASYNC_LOADING, ADMIN, NOSCRIPT, PROTECTED).doc(summary, name.equals("load") ? "4.0.0" : "7.0.0", "O(1)")
                .build();
    }

    @Override public CommandSpec spec() {
        return spec;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        DebugCommand.checkProtected(ctx, "enable-module-command", "MODULE");
        throw Errors.err("Error loading the extension. Please check the server logs.");
    }
}
