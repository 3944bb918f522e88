package io.cinnabar.command.server;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;

/** {@code TIME}: [unix seconds, microseconds] from the server clock. */
final class TimeCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("time", "server").arity(1).flags(LOADING, STALE, FAST)
            .tips("nondeterministic_output")
            .doc("Return the current server time", "2.6.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        long ms = ctx.now();
        long micros = ms % 1000 * 1000 + (System.nanoTime() / 1000) % 1000;
        ctx.out().arrayHeader(2);
        ctx.out().bulkLong(ms / 1000);
        ctx.out().bulkLong(micros);
    }
}
