package io.cinnabar.command.persistence;

import static io.cinnabar.command.CommandFlag.ADMIN;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.NO_ASYNC_LOADING;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.persistence.aof.AppendOnlyFile;
import io.cinnabar.resp.Argv;

/** {@code BGREWRITEAOF}: rewrites the append-only file in the background (scheduled while a BGSAVE runs or inside EXEC). */
final class BgrewriteaofCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("bgrewriteaof", "server").arity(1)
            .flags(NOSCRIPT, ADMIN, NO_ASYNC_LOADING)
            .doc("Asynchronously rewrite the append-only file", "1.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        AppendOnlyFile aof = ctx.server().aof();
        try {
            ctx.out().simple(aof.bgrewrite(ctx.nested()));
        } catch (IllegalStateException e) {
            throw Errors.err(e.getMessage());
        }
    }
}
