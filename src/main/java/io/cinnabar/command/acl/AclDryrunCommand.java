package io.cinnabar.command.acl;

import static io.cinnabar.command.CommandFlag.ADMIN;
import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.acl.Acl;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandEntry;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;
import java.util.Arrays;

/** {@code ACL DRYRUN username command [arg ...]}: OK, or why the user could not run it (as a bulk string). */
final class AclDryrunCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("dryrun", "server").parent("acl").arity(-4)
            .flags(ADMIN, NOSCRIPT, LOADING, STALE)
            .doc("Returns whether the user can execute the given command without executing the command.", "7.0.0",
                    "O(1).").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Acl acl = Acl.of(ctx.server());
        String name = AclSetuserCommand.latin1(argv.get(2));
        if (acl.user(name) == null) throw Errors.err("User '" + name + "' not found");
        Argv cmd = Argv.of(Arrays.copyOfRange(argv.toArray(), 3, argv.size()));
        CommandEntry e = ctx.server().dispatcher().lookup(cmd);
        if (e == null) throw Errors.err("Command '" + argv.str(3) + "' not found");
        if (!e.spec().arityOk(cmd.size())) throw Errors.wrongArity(e.spec().fullName());
        String denied = acl.dryRun(acl.user(name), e, cmd);
        if (denied == null) ctx.out().ok();
        else ctx.out().bulk(denied);
    }
}
