package io.cinnabar.command.connection;

import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;

/** {@code CLIENT GETNAME}. */
final class ClientGetnameCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("getname", "connection").parent("client").arity(2).flags(NOSCRIPT, LOADING, STALE).acl(AclCategory.CONNECTION)
            .doc("Get the current connection name", "2.6.9", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        String name = ctx.client().name;
        if (name == null) ctx.out().nullBulk();
        else ctx.out().bulk(name);
    }
}
