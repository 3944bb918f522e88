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

/** {@code ACL SAVE}: writes every user to the aclfile. */
final class AclSaveCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("save", "server").parent("acl").arity(2)
            .flags(ADMIN, NOSCRIPT, LOADING, STALE)
            .doc("Save the current ACL rules in the configured ACL file", "6.0.0",
                    "O(N). Where N is the number of configured users.").build();
    private static final RedisError NO_FILE = Errors.err("This Redis instance is not configured to use an ACL file. "
            + "You may want to specify users via the ACL SETUSER command and then issue a CONFIG REWRITE (assuming "
            + "you have a Redis configuration file set) in order to store users in the Redis configuration.");

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        requireFile(ctx);
        if (!Acl.of(ctx.server()).saveFile()) {
            throw Errors.err("There was an error trying to save the ACLs. Please check the server logs for more "
                    + "information");
        }
        ctx.out().ok();
    }

    static void requireFile(Ctx ctx) {
        if (ctx.server().config().get("aclfile").isEmpty()) throw NO_FILE;
    }
}
