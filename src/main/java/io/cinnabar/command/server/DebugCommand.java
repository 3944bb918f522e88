package io.cinnabar.command.server;

import static io.cinnabar.command.CommandFlag.ADMIN;
import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.ClientConnection;
import io.cinnabar.server.Server;
import java.util.Locale;

/** {@code DEBUG subcommand [arg ...]}: the subset the test suite and operators use; gated by enable-debug-command. */
final class DebugCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("debug", "server").arity(-2).flags(ADMIN, NOSCRIPT, LOADING, STALE)
            .doc("A container for debugging commands", "1.0.0", "Depends on subcommand.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        checkAllowed(ctx);
        Server s = ctx.server();
        String sub = argv.str(1).toLowerCase(Locale.ROOT);
        int argc = argv.size();
        switch (sub) {
            case "help": DebugReplies.help(ctx); return;
            case "sleep": {
                double secs = Double.parseDouble(argv.str(2));
                long nanos = (long) (secs * 1e9);
                long end = System.nanoTime() + nanos;
                while (nanos > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(nanos);
                    nanos = end - System.nanoTime();
                }
                ctx.out().ok();
                return;
            }
            case "set-active-expire":
                if (argc != 3) break;
                s.activeExpireEnabled = argv.longArg(2) != 0;
                ctx.out().ok();
                return;
            case "pause-cron":
                if (argc != 3) break;
                if (s.net() != null) s.net().cron().paused = argv.longArg(2) != 0;
                ctx.out().ok();
                return;
            case "object": if (argc == 3) { DebugReplies.object(ctx, argv.get(2)); return; } break;
            case "populate": if (argc >= 3 && argc <= 5) { DebugReplies.populate(ctx, argv); return; } break;
            case "digest": if (argc == 2) { ctx.out().simple(DebugReplies.digest(s)); return; } break;
            case "digest-value":
                ctx.out().arrayHeader(argc - 2);
                for (int i = 2; i < argc; i++) ctx.out().simple(DebugReplies.digestValue(ctx, argv.get(i)));
                return;
            case "protocol": if (argc == 3) { DebugReplies.protocol(ctx, argv.str(2)); return; } break;
            case "log":
                if (argc != 3) break;
                s.log().warning("DEBUG LOG: " + argv.str(2));
                ctx.out().ok();
                return;
            case "error":
                if (argc != 3) break;
                throw new RedisError(argv.str(2));
            case "replicate": { // straight to the replicas, not the AOF (replicationFeedSlaves)
                if (argc < 3) break;
                io.cinnabar.replication.Replication r = s.replication();
                byte[][] cmd = new byte[argc - 2][];
                for (int i = 2; i < argc; i++) cmd[i - 2] = argv.get(i);
                r.feedCommand(cmd);
                ctx.out().ok();
                return;
            }
            case "change-repl-id": {
                io.cinnabar.replication.Replication r = s.replication();
                r.changeReplid();
                ctx.out().ok();
                return;
            }
            case "listpack":
                ctx.out().simple("Listpack structure printed on stdout");
                return;
            case "stringmatch-len":
                ctx.out().simple("Apparently Redis did not crash: test passed");
                return;
            case "set-disable-deny-scripts": {
                if (argc != 3) break;
                io.cinnabar.scripting.Scripting sc = s.scripting();
                if (sc != null) sc.disableDenyScripts(argv.longArg(2) != 0);
                ctx.out().ok();
                return;
            }
            case "quicklist-packed-threshold": case "replybuffer": case "jmap":
            case "set-skip-checksum-validation":
                ctx.out().ok(); // tuning knobs with no effect here
                return;
            case "reload":
                DebugReplies.reload(ctx, argv);
                return;
            case "loadaof": {
                io.cinnabar.persistence.aof.AppendOnlyFile aof = s.aof();
                try {
                    aof.debugLoad();
                } catch (java.io.IOException e) {
                    throw Errors.err("Error loading the append only file, check server logs.");
                }
                ctx.out().ok();
                return;
            }
            case "aof-flush-sleep": {
                if (argc != 3) break;
                io.cinnabar.persistence.aof.AppendOnlyFile aof = s.aof();
                aof.flushSleep(argv.longArg(2));
                ctx.out().ok();
                return;
            }
            case "quicklist": case "sdslen": case "ziplist": case "config-rewrite-force-all":
                if (sub.equals("jmap")) {
                    Runtime r = Runtime.getRuntime();
                    s.log().notice("DEBUG JMAP: heap used " + (r.totalMemory() - r.freeMemory()) + " of "
                            + r.maxMemory() + " bytes");
                }
                ctx.out().ok();
                return;
            default:
                break;
        }
        throw Errors.subcommandSyntax(argv.str(1), "debug");
    }

    /** enable-debug-command: no / yes / local (a loopback or unix socket client). */
    static void checkAllowed(Ctx ctx) {
        checkProtected(ctx, "enable-debug-command", "DEBUG");
    }

    /** A PROTECTED command (DEBUG, MODULE LOAD/UNLOAD) under its enable-*-command option: no / yes / local. */
    static void checkProtected(Ctx ctx, String option, String command) {
        String mode = ctx.server().config().get(option);
        ClientConnection c = ctx.client();
        boolean local = c.isFake() || c.isUnixSocket() || c.addr().startsWith("127.") || c.addr().startsWith("::1");
        if (mode.equals("yes") || (mode.equals("local") && local)) return;
        throw Errors.err(command + " command not allowed. If the " + option + " option is set to \"local\", "
                + "you can run it from a local connection, otherwise you need to set this option in the "
                + "configuration file, and then restart the server.");
    }
}
