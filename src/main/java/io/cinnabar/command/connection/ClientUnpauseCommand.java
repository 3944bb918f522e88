package io.cinnabar.command.connection;

import static io.cinnabar.command.CommandFlag.ADMIN;
import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;

/** {@code CLIENT UNPAUSE}. */
final class ClientUnpauseCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("unpause", "connection").parent("client").arity(2).flags(ADMIN, NOSCRIPT, LOADING, STALE).acl(AclCategory.CONNECTION)
            .doc("Resume processing of clients that were paused", "6.2.0", "O(N) Where N is the number of paused clients").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ctx.server().dispatcher().unpause();
        ctx.out().ok();
    }
}
