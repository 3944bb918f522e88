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

/** {@code FUNCTION DUMP}: the libraries as a RESTORE-able payload. */
final class FunctionDumpCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("dump", "scripting").parent("function").arity(2).flags(NOSCRIPT)
            .acl(AclCategory.SCRIPTING).doc("Dump all functions into a serialized binary payload", "7.0.0",
                    "O(N) where N is the number of functions").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Scripting s = ctx.server().scripting();
        ctx.out().bulk(s.functions().dump());
    }
}
