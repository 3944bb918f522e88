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
import io.cinnabar.resp.Argv;

/** {@code ACL LOAD}: replaces every user with the aclfile's, or changes nothing on any error. */
final class AclLoadCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("load", "server").parent("acl").arity(2)
            .flags(ADMIN, NOSCRIPT, LOADING, STALE)
            .doc("Reload the ACLs from the configured ACL file", "6.0.0",
                    "O(N). Where N is the number of configured users.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Acl acl = Acl.of(ctx.server());
        AclSaveCommand.requireFile(ctx);
        String errors = acl.loadFile(ctx.client());
        if (errors != null) throw Errors.err(errors);
        ctx.out().ok();
    }
}
