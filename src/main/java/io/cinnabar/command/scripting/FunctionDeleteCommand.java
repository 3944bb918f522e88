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

/** {@code FUNCTION DELETE library-name}. */
final class FunctionDeleteCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("delete", "scripting").parent("function").arity(3).flags(WRITE, NOSCRIPT)
            .acl(AclCategory.SCRIPTING).doc("Delete a function by name", "7.0.0", "O(1)")
            .tips("request_policy:all_shards", "response_policy:all_succeeded").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Scripting s = ctx.server().scripting();
        s.functions().delete(argv.str(2));
        ctx.dirty(1);
        ctx.out().ok();
    }
}
