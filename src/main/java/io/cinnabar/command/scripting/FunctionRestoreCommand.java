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

/** {@code FUNCTION RESTORE payload [FLUSH|APPEND|REPLACE]}. */
final class FunctionRestoreCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("restore", "scripting").parent("function").arity(-3).flags(WRITE, DENYOOM, NOSCRIPT)
            .acl(AclCategory.SCRIPTING).doc("Restore all the functions on the given payload", "7.0.0",
                    "O(N) where N is the number of functions on the payload")
            .tips("request_policy:all_shards", "response_policy:all_succeeded").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        if (argv.size() > 4) throw Errors.subcommandSyntax(argv.str(1), "function");
        Functions.RestorePolicy policy = Functions.RestorePolicy.APPEND;
        if (argv.size() == 4) {
            if (argv.is(3, "append")) policy = Functions.RestorePolicy.APPEND;
            else if (argv.is(3, "replace")) policy = Functions.RestorePolicy.REPLACE;
            else if (argv.is(3, "flush")) policy = Functions.RestorePolicy.FLUSH;
            else throw Errors.err("Wrong restore policy given, value should be either FLUSH, APPEND or REPLACE.");
        }
        Scripting s = ctx.server().scripting();
        s.functions().restore(argv.get(2), policy);
        ctx.dirty(1);
        ctx.out().ok();
    }
}
