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

/** {@code SCRIPT EXISTS sha1 [sha1 ...]}: 1 or 0 for each. */
final class ScriptExistsCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("exists", "scripting").parent("script").arity(-3).flags(NOSCRIPT)
            .acl(AclCategory.SCRIPTING).doc("Check existence of scripts in the script cache.", "2.6.0",
                    "O(N) with N being the number of scripts to check (so checking a single script is an O(1) operation).")
            .tips("request_policy:all_shards", "response_policy:agg_logical_and").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Scripting s = ctx.server().scripting();
        RespOut out = ctx.out();
        out.arrayHeader(argv.size() - 2);
        for (int i = 2; i < argv.size(); i++) out.integer(s.scriptExists(argv.get(i)) ? 1 : 0);
    }
}
