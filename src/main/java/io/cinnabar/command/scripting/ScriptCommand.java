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

/** {@code SCRIPT <subcommand> ...}: the container of LOAD, EXISTS, FLUSH, KILL, DEBUG and HELP. */
final class ScriptCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("script", "scripting").arity(-2)
            .doc("A container for Lua scripts management commands", "2.6.0", "Depends on subcommand.")
            .subcommands(new ScriptHelpCommand(), new ScriptFlushCommand(), new ScriptDebugCommand(),
                    new ScriptExistsCommand(), new ScriptKillCommand(), new ScriptLoadCommand())
            .build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        throw Errors.subcommandSyntax(argv.str(1), "script");
    }
}
