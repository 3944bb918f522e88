package io.cinnabar.command.server;

import static io.cinnabar.command.CommandFlag.ADMIN;
import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.config.Config;
import io.cinnabar.config.ConfigParam;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.util.Glob;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** {@code CONFIG GET parameter [parameter ...]}: names or glob patterns (which match aliases too). */
final class ConfigGetCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("get", "server").parent("config").arity(-3).flags(ADMIN, NOSCRIPT, LOADING, STALE)
            .doc("Get the values of configuration parameters", "2.0.0", "O(N) when N is the number of configuration parameters provided").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Config config = ctx.server().config();
        Map<String, String> matches = new LinkedHashMap<>();
        for (int i = 2; i < argv.size(); i++) {
            String pattern = argv.str(i);
            if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0 && pattern.indexOf('[') < 0) {
                ConfigParam p = config.param(pattern);
                if (p != null) matches.putIfAbsent(pattern.toLowerCase(Locale.ROOT), p.value());
                continue;
            }
            for (ConfigParam p : config.params()) {
                if (ConfigCommand.HIDDEN.contains(p.name())) continue;
                if (Glob.match(pattern, p.name(), true)) matches.putIfAbsent(p.name(), p.value());
                for (String alias : p.aliases()) {
                    if (Glob.match(pattern, alias, true)) matches.putIfAbsent(alias, p.value());
                }
            }
        }
        RespOut out = ctx.out();
        out.mapHeader(matches.size());
        for (Map.Entry<String, String> e : matches.entrySet()) {
            out.bulk(e.getKey());
            out.bulk(e.getValue());
        }
    }
}
