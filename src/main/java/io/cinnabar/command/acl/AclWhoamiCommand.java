package io.cinnabar.command.acl;

import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.acl.Acl;
import io.cinnabar.acl.AclReplies;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;

/** {@code ACL WHOAMI}: the connection's user. */
final class AclWhoamiCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("whoami", "server").parent("acl").arity(2).flags(NOSCRIPT, LOADING, STALE)
            .doc("Return the name of the user associated to the current connection", "6.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        AclReplies.whoami(Acl.of(ctx.server()), ctx.client(), ctx.out());
    }
}
