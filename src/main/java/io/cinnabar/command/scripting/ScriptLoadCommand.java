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

/** {@code SCRIPT LOAD script}: compiles and caches a script; replies its SHA1. */
final class ScriptLoadCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("load", "scripting").parent("script").arity(3).flags(NOSCRIPT, STALE)
            .acl(AclCategory.SCRIPTING).doc("Load the specified Lua script into the script cache.", "2.6.0",
                    "O(N) with N being the length in bytes of the script body.")
            .tips("request_policy:all_nodes", "response_policy:all_succeeded").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Scripting s = ctx.server().scripting();
        ctx.out().bulk(s.loadScript(argv.get(2)));
    }
}
