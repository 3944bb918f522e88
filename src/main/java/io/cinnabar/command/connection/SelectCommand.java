package io.cinnabar.command.connection;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;

/** {@code SELECT index}. */
final class SelectCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("select", "connection").arity(2)
            .flags(LOADING, STALE, FAST).acl(AclCategory.CONNECTION)
            .doc("Change the selected database for the current connection", "1.0.0", "O(1)").build();
    private static final RedisError NOT_INT = new RedisError("ERR value is not an integer or out of range");

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        long id = argv.longArg(1, NOT_INT);
        if (id < 0 || id >= ctx.server().dbCount()) throw Errors.DB_INDEX_OUT_OF_RANGE;
        ctx.client().db = (int) id;
        ctx.out().ok();
    }
}
