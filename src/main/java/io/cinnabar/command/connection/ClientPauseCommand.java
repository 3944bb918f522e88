package io.cinnabar.command.connection;

import static io.cinnabar.command.CommandFlag.ADMIN;
import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;

/** {@code CLIENT PAUSE timeout [WRITE|ALL]}: timeout in milliseconds. */
final class ClientPauseCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("pause", "connection").parent("client").arity(-3).flags(ADMIN, NOSCRIPT, LOADING, STALE).acl(AclCategory.CONNECTION)
            .doc("Stop processing commands from clients for some time", "2.9.50", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    private static final RedisError BAD_TIMEOUT = new RedisError("ERR timeout is not an integer or out of range");

    @Override public void execute(Ctx ctx, Argv argv) {
        long ms = argv.longArg(2, BAD_TIMEOUT);
        if (ms < 0) throw Errors.TIMEOUT_NEGATIVE;
        boolean writesOnly = false;
        if (argv.size() == 4) {
            if (argv.is(3, "write")) writesOnly = true;
            else if (!argv.is(3, "all")) throw Errors.err("CLIENT PAUSE mode must be WRITE or ALL");
        } else if (argv.size() > 4) {
            throw Errors.SYNTAX;
        }
        ctx.server().dispatcher().pause(ctx.now() + ms, writesOnly);
        ctx.out().ok();
    }
}
