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

/** {@code SCRIPT DEBUG YES|SYNC|NO}: a reduced Lua debugger (YES works as SYNC; see ScriptDebugger). */
final class ScriptDebugCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("debug", "scripting").parent("script").arity(3).flags(NOSCRIPT)
            .acl(AclCategory.SCRIPTING).doc("Set the debug mode for executed scripts.", "3.2.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Scripting s = ctx.server().scripting();
        if (argv.is(2, "no")) {
            s.debugMode(ctx.client(), false);
            ctx.out().ok();
        } else if (argv.is(2, "yes") || argv.is(2, "sync")) {
            s.debugMode(ctx.client(), true);
            ctx.out().ok();
        } else {
            throw Errors.err("Use SCRIPT DEBUG YES/SYNC/NO");
        }
    }
}
