package io.cinnabar.command.acl;

import static io.cinnabar.command.CommandFlag.ADMIN;
import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.acl.Acl;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;

/** {@code ACL DELUSER username [username ...]}: their clients are disconnected. */
final class AclDeluserCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("deluser", "server").parent("acl").arity(-3)
            .flags(ADMIN, NOSCRIPT, LOADING, STALE)
            .doc("Remove the specified ACL users and the associated rules", "6.0.0",
                    "O(1) amortized time considering the typical user.").build();
    private static final RedisError DEFAULT = Errors.err("The 'default' user cannot be removed");

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        for (int i = 2; i < argv.size(); i++) {
            if (AclSetuserCommand.latin1(argv.get(i)).equals("default")) throw DEFAULT;
        }
        Acl acl = Acl.of(ctx.server());
        int deleted = 0;
        for (int i = 2; i < argv.size(); i++) {
            if (acl.deleteUser(AclSetuserCommand.latin1(argv.get(i)), ctx.client())) deleted++;
        }
        ctx.out().integer(deleted);
    }
}
