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

/** {@code SCRIPT FLUSH [ASYNC|SYNC]}: empties the script cache. */
final class ScriptFlushCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("flush", "scripting").parent("script").arity(-2).flags(NOSCRIPT)
            .acl(AclCategory.SCRIPTING).doc("Remove all the scripts from the script cache.", "2.6.0",
                    "O(N) with N being the number of scripts in cache")
            .tips("request_policy:all_nodes", "response_policy:all_succeeded").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        if (!(argv.size() == 2 || (argv.size() == 3 && (argv.is(2, "sync") || argv.is(2, "async"))))) {
            throw Errors.err("SCRIPT FLUSH only support SYNC|ASYNC option");
        }
        Scripting s = ctx.server().scripting();
        s.flushScripts();
        ctx.out().ok();
    }
}
