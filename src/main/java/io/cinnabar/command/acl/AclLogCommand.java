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

/** {@code ACL LOG [count | RESET]}: the latest denials, 10 by default. */
final class AclLogCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("log", "server").parent("acl").arity(-2)
            .flags(ADMIN, NOSCRIPT, LOADING, STALE)
            .doc("List latest events denied because of ACLs in place", "6.0.0",
                    "O(N) with N being the number of entries shown.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        if (argv.size() > 3) throw Errors.subcommandSyntax(argv.str(1), "acl");
        Acl acl = Acl.of(ctx.server());
        long count = 10;
        if (argv.size() == 3) {
            if (argv.is(2, "reset")) {
                acl.resetLog();
                ctx.out().ok();
                return;
            }
            count = Math.max(0, argv.longArg(2));
        }
        acl.replyLog(ctx.out(), count);
    }
}
