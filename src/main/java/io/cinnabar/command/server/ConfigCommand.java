package io.cinnabar.command.server;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;
import java.util.Set;

/** {@code CONFIG GET|SET|RESETSTAT|REWRITE|HELP}: a container. */
final class ConfigCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("config", "server").arity(-2)
            .doc("A container for server configuration commands", "2.0.0", "Depends on subcommand.")
            .subcommands(new ConfigGetCommand(), new ConfigSetCommand(), new ConfigResetStatCommand(),
                    new ConfigRewriteCommand(), new ConfigHelpCommand()).build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        throw Errors.wrongArity("config");
    }

    /** Configs CONFIG GET shows only when asked by exact name (HIDDEN_CONFIG). */
    static final java.util.Set<String> HIDDEN = java.util.Set.of("use-exit-on-panic", "rdb-key-save-delay",
            "key-load-delay", "watchdog-period", "loading-process-events-interval-bytes");
    /** Configs CONFIG SET refuses unless enable-protected-configs allows it (PROTECTED_CONFIG). */
    static final java.util.Set<String> PROTECTED = java.util.Set.of("dir", "dbfilename");
}
