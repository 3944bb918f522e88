package io.cinnabar.command.server;

import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.Server;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/** {@code INFO [section ...]}: sections by name, or all, everything, default. */
final class InfoCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("info", "server").arity(-1).flags(LOADING, STALE).acl(AclCategory.DANGEROUS)
            .tips("nondeterministic_output", "request_policy:all_shards", "response_policy:special")
            .doc("Get information and statistics about the server", "1.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ctx.out().verbatim(generate(ctx.server(), argv, 1));
    }

    /** genRedisInfoString for the sections named in argv[from..] (default ones when none). */
    static String generate(Server server, Argv argv, int from) {
        java.util.Set<String> wanted = new java.util.LinkedHashSet<>();
        boolean all = false;
        if (argv.size() <= from) {
            wanted.addAll(Arrays.asList(InfoSections.DEFAULT));
        }
        for (int i = from; i < argv.size(); i++) {
            String s = argv.str(i).toLowerCase(Locale.ROOT);
            switch (s) {
                case "all": case "everything": all = true; break;
                case "default": wanted.addAll(Arrays.asList(InfoSections.DEFAULT)); break;
                default: wanted.add(s);
            }
        }
        StringBuilder sb = new StringBuilder(4096);
        int n = 0;
        for (String section : InfoSections.ALL) {
            if (!all && !wanted.contains(section)) continue;
            String body = InfoSections.body(server, section);
            if (body == null) continue;
            if (n++ > 0) sb.append("\r\n");
            sb.append("# ").append(InfoSections.title(section)).append("\r\n").append(body);
        }
        return sb.toString();
    }
}
