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

/** {@code FUNCTION FLUSH [ASYNC|SYNC]}: deletes every library. */
final class FunctionFlushCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("flush", "scripting").parent("function").arity(-2).flags(WRITE, NOSCRIPT)
            .acl(AclCategory.SCRIPTING).doc("Deleting all functions", "7.0.0",
                    "O(N) where N is the number of functions deleted")
            .tips("request_policy:all_shards", "response_policy:all_succeeded").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        if (argv.size() > 3) throw Errors.subcommandSyntax(argv.str(1), "function");
        if (!(argv.size() == 2 || argv.is(2, "sync") || argv.is(2, "async"))) {
            throw Errors.err("FUNCTION FLUSH only supports SYNC|ASYNC option");
        }
        Scripting s = ctx.server().scripting();
        s.functions().flush();
        ctx.dirty(1);
        ctx.out().ok();
    }
}
