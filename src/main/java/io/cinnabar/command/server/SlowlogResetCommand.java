package io.cinnabar.command.server;

import static io.cinnabar.command.CommandFlag.ADMIN;
import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;

/** {@code SLOWLOG RESET}. */
final class SlowlogResetCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("reset", "server").parent("slowlog").arity(2).flags(ADMIN, LOADING, STALE)
            .tips("request_policy:all_nodes", "response_policy:all_succeeded")
            .doc("Clear all entries from the slow log", "2.2.12", "O(N) where N is the number of entries in the slowlog").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ctx.server().slowlog().reset();
        ctx.out().ok();
    }
}
