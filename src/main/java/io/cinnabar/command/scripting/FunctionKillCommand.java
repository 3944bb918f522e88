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

/** {@code FUNCTION KILL}: stops the running function if it has not written. */
final class FunctionKillCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("kill", "scripting").parent("function").arity(2).flags(NOSCRIPT, ALLOW_BUSY)
            .acl(AclCategory.SCRIPTING).doc("Kill the function currently in execution.", "7.0.0", "O(1)")
            .tips("request_policy:all_shards", "response_policy:one_succeeded").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Scripting s = ctx.server().scripting();
        s.kill(ctx.out(), false);
    }
}
