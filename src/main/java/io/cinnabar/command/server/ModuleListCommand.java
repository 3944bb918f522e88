package io.cinnabar.command.server;

import static io.cinnabar.command.CommandFlag.ADMIN;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;

/** {@code MODULE LIST}: always empty. */
final class ModuleListCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("list", "server").parent("module").arity(2)
            .flags(ADMIN, NOSCRIPT).tips("nondeterministic_output_order")
            .doc("List all modules loaded by the server", "4.0.0", "O(N) where N is the number of loaded modules.")
            .build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ctx.out().emptyArray();
    }
}
