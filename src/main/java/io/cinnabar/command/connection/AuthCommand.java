package io.cinnabar.command.connection;

import static io.cinnabar.command.CommandFlag.ALLOW_BUSY;
import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.NO_AUTH;
import static io.cinnabar.command.CommandFlag.SENTINEL;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.acl.Acl;
import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;

/** {@code AUTH [username] password}: without a username, the default user (whose password is requirepass). */
final class AuthCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("auth", "connection").arity(-2)
            .flags(NOSCRIPT, LOADING, STALE, FAST, NO_AUTH, SENTINEL, ALLOW_BUSY).acl(AclCategory.CONNECTION)
            .doc("Authenticate to the server", "1.0.0", "O(N) where N is the number of passwords defined for the user")
            .build();
    static final RedisError WRONGPASS =
            new RedisError("WRONGPASS invalid username-password pair or user is disabled.");

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        if (argv.size() > 3) throw Errors.SYNTAX;
        Acl acl = Acl.of(ctx.server());
        if (argv.size() == 2 && acl.defaultUserIsNopass()) {
            throw Errors.err("AUTH <password> called without any password configured for the default user. "
                    + "Are you sure your configuration is correct?");
        }
        byte[] user = argv.size() == 3 ? argv.get(1) : DEFAULT;
        if (!acl.authenticate(ctx.client(), user, argv.get(argv.size() - 1), argv.get(0))) throw WRONGPASS;
        ctx.out().ok();
    }

    private static final byte[] DEFAULT = {'d', 'e', 'f', 'a', 'u', 'l', 't'};
}
