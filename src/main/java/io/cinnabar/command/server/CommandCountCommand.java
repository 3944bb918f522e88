package io.cinnabar.command.server;

import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;

/** {@code COMMAND COUNT}. */
final class CommandCountCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("count", "server").parent("command").arity(2).flags(LOADING, STALE).acl(AclCategory.CONNECTION)
            .doc("Get total number of Redis commands", "2.8.13", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ctx.out().integer(ctx.server().registry().all().size());
    }
}
