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

/** {@code FUNCTION LOAD [REPLACE] code}: loads a library; replies its name. */
final class FunctionLoadCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("load", "scripting").parent("function").arity(-3).flags(WRITE, DENYOOM, NOSCRIPT)
            .acl(AclCategory.SCRIPTING).doc("Create a function with the given arguments (name, code, description)",
                    "7.0.0", "O(1) (considering compilation time is redundant)")
            .tips("request_policy:all_shards", "response_policy:all_succeeded").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        boolean replace = false;
        for (int i = 2; i < argv.size() - 1; i++) {
            if (argv.is(i, "replace")) replace = true;
            else throw Errors.err("Unknown option given: " + argv.str(i));
        }
        Scripting s = ctx.server().scripting();
        String name = s.functions().load(argv.get(argv.size() - 1), replace, 500);
        ctx.dirty(1);
        ctx.out().bulk(name);
    }
}
