package io.cinnabar.command.acl;

import static io.cinnabar.command.CommandFlag.ADMIN;
import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.acl.Acl;
import io.cinnabar.acl.AclReplies;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;

/** {@code ACL LIST}: every user as a "user name rules" line. */
final class AclListCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("list", "server").parent("acl").arity(2).flags(ADMIN, NOSCRIPT, LOADING, STALE)
            .doc("List the current ACL rules in ACL config file format", "6.0.0", "O(N). Where N is the number of configured users.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        AclReplies.listUsers(Acl.of(ctx.server()), ctx.out(), false);
    }
}
