package io.cinnabar.command.server;

import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandEntry;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.util.Glob;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** {@code COMMAND LIST [FILTERBY MODULE name|ACLCAT category|PATTERN pattern]}. */
final class CommandListCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("list", "server").parent("command").arity(-2).flags(LOADING, STALE).acl(AclCategory.CONNECTION)
            .tips("nondeterministic_output_order")
            .doc("Get an array of Redis command names", "7.0.0", "O(N) where N is the total number of Redis commands").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        String type = null;
        String arg = null;
        for (int i = 2; i < argv.size(); i++) {
            int more = argv.size() - 1 - i;
            if (argv.is(i, "filterby") && more == 2
                    && (argv.is(i + 1, "module") || argv.is(i + 1, "aclcat") || argv.is(i + 1, "pattern"))) {
                type = argv.str(i + 1).toLowerCase(Locale.ROOT);
                arg = argv.str(i + 2);
                i += 2;
            } else {
                throw Errors.SYNTAX;
            }
        }
        RespOut out = ctx.out();
        int token = out.deferred();
        int n = 0;
        for (CommandEntry e : ctx.server().registry().all()) {
            n += emit(out, e, type, arg);
            if (e.subcommands() != null) {
                for (CommandEntry sub : e.subcommands().values()) n += emit(out, sub, type, arg);
            }
        }
        out.setDeferredArray(token, n);
    }

    private static int emit(RespOut out, CommandEntry e, String type, String arg) {
        String name = e.spec().fullName();
        if (type != null) {
            boolean keep;
            switch (type) {
                case "aclcat": {
                    long cat = io.cinnabar.command.AclCategory.byName(arg);
                    keep = cat != 0 && (e.spec().acl() & cat) != 0;
                    break;
                }
                case "pattern":
                    keep = Glob.match(arg.getBytes(StandardCharsets.UTF_8), name.getBytes(StandardCharsets.UTF_8), true);
                    break;
                default:
                    keep = false; // no modules
            }
            if (!keep) return 0;
        }
        out.bulk(name);
        return 1;
    }
}
