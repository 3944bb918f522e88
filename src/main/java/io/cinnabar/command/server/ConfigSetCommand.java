package io.cinnabar.command.server;

import static io.cinnabar.command.CommandFlag.ADMIN;
import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.config.Config;
import io.cinnabar.config.ConfigException;
import io.cinnabar.config.ConfigParam;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.ClientConnection;
import java.util.Arrays;
import java.util.Set;

/** {@code CONFIG SET parameter value [parameter value ...]}: all or nothing, as Redis 7.0 (set all, apply, roll back on error). */
final class ConfigSetCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("set", "server").parent("config").arity(-4).flags(ADMIN, NOSCRIPT, LOADING, STALE)
            .tips("request_policy:all_nodes", "response_policy:all_succeeded")
            .doc("Set configuration parameters to the given values", "2.0.0", "O(N) when N is the number of configuration parameters provided").build();

    /** DENY_LOADING_CONFIG: refused with LOADING while a dataset loads. */
    private static final Set<String> DENY_LOADING = Set.of("appendonly", "repl-diskless-load", "dir");

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        if ((argv.size() & 1) != 0) throw Errors.SYNTAX;
        Config config = ctx.server().config();
        int n = (argv.size() - 2) / 2;
        ConfigParam[] params = new ConfigParam[n];
        String errArg = null;
        String err = null;
        for (int i = 0; i < n; i++) {
            String name = argv.str(2 + i * 2);
            ConfigParam p = config.param(name);
            if (p == null) {
                throw Errors.err("Unknown option or number of arguments for CONFIG SET - '" + name + "'");
            }
            if (err != null) continue;
            if (p.immutable() || (ConfigCommand.PROTECTED.contains(p.name()) && !protectedAllowed(ctx))) {
                err = p.immutable() ? "can't set immutable config" : "can't set protected config";
                errArg = name;
            } else if (DENY_LOADING.contains(p.name()) && ctx.server().loading) {
                throw io.cinnabar.persistence.Loading.LOADING; // takes precedence over a plain ERR, as Redis
            }
            for (int j = 0; j < i && err == null; j++) {
                if (params[j] == p) {
                    err = "duplicate parameter";
                    errArg = name;
                }
            }
            params[i] = p;
        }
        if (err != null) throw failed(errArg, err);
        String[] old = new String[n];
        for (int i = 0; i < n; i++) old[i] = params[i].value();
        for (int i = 0; i < n; i++) {
            try {
                config.set(params[i].name(), argv.str(3 + i * 2));
            } catch (ConfigException e) {
                restore(config, params, old, i);
                throw failed(params[i].name(), e.getMessage());
            }
        }
        for (int i = 0; i < n; i++) {
            String name = params[i].name();
            if ((name.equals("port") || name.equals("bind")) && !params[i].value().equals(old[i])
                    && ctx.server().net() != null) {
                try {
                    ctx.server().net().rebindTcp(Arrays.asList(config.get("bind").trim().split("\\s+")),
                            config.getInt("port"));
                } catch (java.io.IOException | RuntimeException e) {
                    ctx.server().log().warning("Failed to listen: " + e.getMessage());
                    restore(config, params, old, n - 1);
                    throw failed(name, name.equals("port") ? "Unable to listen on this port. Check server logs."
                            : "Failed to bind to specified addresses.");
                }
            }
        }
        ctx.out().ok();
    }

    private static void restore(Config config, ConfigParam[] params, String[] old, int upTo) {
        for (int j = 0; j <= upTo; j++) {
            try {
                config.set(params[j].name(), old[j]);
            } catch (ConfigException ignored) {
                // the old value was valid
            }
        }
    }

    private static RedisError failed(String arg, String reason) {
        return Errors.err("CONFIG SET failed (possibly related to argument '" + arg + "') - " + reason);
    }

    /** allowProtectedAction: enable-protected-configs yes, or local and the client is local. */
    static boolean protectedAllowed(Ctx ctx) {
        String mode = ctx.server().config().get("enable-protected-configs");
        if (mode.equals("yes")) return true;
        if (!mode.equals("local")) return false;
        ClientConnection c = ctx.client();
        return c.isUnixSocket() || c.addr().startsWith("127.") || c.addr().startsWith("::1");
    }
}
