package io.cinnabar.command.connection;

import static io.cinnabar.command.CommandFlag.ALLOW_BUSY;
import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.NO_AUTH;
import static io.cinnabar.command.CommandFlag.SENTINEL;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;

/** {@code AUTH [username] password}: checks against requirepass for the default user. */
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
        String user = argv.size() == 3 ? argv.str(1) : "default";
        String pass = argv.str(argv.size() - 1);
        if (argv.size() == 2 && !ctx.server().authRequired()) {
            throw Errors.err("AUTH <password> called without any password configured for the default user. "
                    + "Are you sure your configuration is correct?");
        }
        if (!checkPassword(ctx, user, pass)) throw WRONGPASS;
        ctx.client().authenticated = true;
        ctx.client().user = user;
        ctx.out().ok();
    }

    static boolean checkPassword(Ctx ctx, String user, String pass) {
        if (!user.equals("default")) return false;
        String required = ctx.server().config().get("requirepass");
        return required.isEmpty() || required.equals(pass);
    }
}
