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

/** {@code FUNCTION STATS}: the running function (if any) and the engines' library and function counts. */
final class FunctionStatsCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("stats", "scripting").parent("function").arity(2)
            .flags(NOSCRIPT, ALLOW_BUSY).acl(AclCategory.SCRIPTING)
            .doc("Return information about the function currently running (name, description, duration)", "7.0.0", "O(1)")
            .tips("nondeterministic_output", "request_policy:all_shards", "response_policy:special").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Scripting s = ctx.server().scripting();
        s.functionStats(ctx.out());
    }
}
