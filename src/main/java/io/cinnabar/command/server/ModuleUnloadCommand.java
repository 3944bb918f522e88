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

/** {@code MODULE UNLOAD name}: gated by enable-module-command; no module is ever loaded. */
final class ModuleUnloadCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("unload", "server").parent("module").arity(3)
            .flags(NO_ASYNC_LOADING, ADMIN, NOSCRIPT, PROTECTED).doc("Unload a module", "4.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        DebugCommand.checkProtected(ctx, "enable-module-command", "MODULE");
        throw Errors.err("Error unloading module: no such module with that name");
    }
}
