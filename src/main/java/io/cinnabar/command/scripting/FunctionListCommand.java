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

/** {@code FUNCTION LIST [LIBRARYNAME pattern] [WITHCODE]}. */
final class FunctionListCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("list", "scripting").parent("function").arity(-2).flags(NOSCRIPT)
            .acl(AclCategory.SCRIPTING).doc("List information about all the functions", "7.0.0",
                    "O(N) where N is the number of functions")
            .tips("nondeterministic_output_order").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        boolean withCode = false;
        byte[] pattern = null;
        for (int i = 2; i < argv.size(); i++) {
            if (!withCode && argv.is(i, "withcode")) {
                withCode = true;
            } else if (pattern == null && argv.is(i, "libraryname")) {
                if (i >= argv.size() - 1) throw Errors.err("library name argument was not given");
                pattern = argv.get(++i);
            } else {
                throw Errors.err("Unknown argument " + argv.str(i));
            }
        }
        Scripting s = ctx.server().scripting();
        s.functions().list(ctx.out(), pattern, withCode);
    }
}
