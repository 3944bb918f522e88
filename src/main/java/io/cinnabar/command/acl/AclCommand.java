package io.cinnabar.command.acl;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;

/** {@code ACL <subcommand>}: the container. */
final class AclCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("acl", "server").arity(-2)
            .doc("A container for Access List Control commands ", "6.0.0", "Depends on subcommand.")
            .subcommands(new AclLogCommand(), new AclGenpassCommand(), new AclLoadCommand(), new AclWhoamiCommand(),
                    new AclSetuserCommand(), new AclListCommand(), new AclDryrunCommand(), new AclUsersCommand(),
                    new AclDeluserCommand(), new AclCatCommand(), new AclHelpCommand(), new AclGetuserCommand(),
                    new AclSaveCommand())
            .build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        throw Errors.wrongArity("acl");
    }
}
