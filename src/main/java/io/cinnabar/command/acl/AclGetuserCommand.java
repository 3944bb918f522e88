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

/** {@code ACL GETUSER username}: flags, passwords, commands, keys, channels, selectors. */
final class AclGetuserCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("getuser", "server").parent("acl").arity(3).flags(ADMIN, NOSCRIPT, LOADING, STALE)
            .doc("Get the rules for a specific ACL user", "6.0.0", "O(N). Where N is the number of password, command and pattern rules that the user has.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        AclReplies.getUser(Acl.of(ctx.server()), argv.get(2), ctx.out());
    }
}
