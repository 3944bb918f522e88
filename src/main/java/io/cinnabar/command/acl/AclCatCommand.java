package io.cinnabar.command.acl;

import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandEntry;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import java.util.Collection;

/** {@code ACL CAT [category]}: the categories, or the commands and subcommands in one. */
final class AclCatCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("cat", "server").parent("acl").arity(-2)
            .flags(NOSCRIPT, LOADING, STALE)
            .doc("List the ACL categories or the commands inside a category", "6.0.0",
                    "O(1) since the categories and commands are a fixed set.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        RespOut out = ctx.out();
        if (argv.size() == 2) {
            out.arrayHeader(AclCategory.NAMES.length);
            for (String n : AclCategory.NAMES) out.bulk(n);
            return;
        }
        if (argv.size() > 3) throw Errors.subcommandSyntax(argv.str(1), "acl");
        long cat = AclCategory.byName(argv.str(2));
        if (cat == 0) throw Errors.err("Unknown category '" + Errors.truncate(argv.str(2), 128) + "'");
        int token = out.deferred();
        out.setDeferredArray(token, list(out, ctx.server().registry().all(), cat));
    }

    private static int list(RespOut out, Collection<CommandEntry> commands, long cat) {
        int n = 0;
        for (CommandEntry e : commands) {
            if ((e.spec().acl() & cat) != 0) {
                out.bulk(e.spec().fullName());
                n++;
            }
            if (e.subcommands() != null) n += list(out, e.subcommands().values(), cat);
        }
        return n;
    }
}
