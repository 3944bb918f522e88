package io.cinnabar.command.replication;

import static io.cinnabar.command.CommandFlag.ADMIN;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.NO_ASYNC_LOADING;
import static io.cinnabar.command.CommandFlag.NO_MULTI;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;

/** {@code SYNC}: the pre-PSYNC full synchronization (snapshot then stream, no +FULLRESYNC line). */
final class SyncCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("sync", "server").arity(1)
            .flags(ADMIN, NOSCRIPT, NO_ASYNC_LOADING, NO_MULTI)
            .doc("Internal command used for replication", "1.0.0", "").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        PsyncCommand.start(ctx, null, -1, true);
    }
}
