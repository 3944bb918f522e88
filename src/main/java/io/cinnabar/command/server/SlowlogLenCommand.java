package io.cinnabar.command.server;

import static io.cinnabar.command.CommandFlag.ADMIN;
import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;

/** {@code SLOWLOG LEN}. */
final class SlowlogLenCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("len", "server").parent("slowlog").arity(2).flags(ADMIN, LOADING, STALE)
            .tips("request_policy:all_nodes", "response_policy:agg_sum", "nondeterministic_output")
            .doc("Get the slow log's length", "2.2.12", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ctx.out().integer(ctx.server().slowlog().entries().size());
    }
}
