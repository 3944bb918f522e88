package io.cinnabar;

import io.cinnabar.config.Config;
import io.cinnabar.config.ConfigException;
import io.cinnabar.server.Log;
import io.cinnabar.time.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The command line, compatible with redis-server's: {@code cinnabar-server [/path/to/redis.conf]
 * [--name value ...]}. The options are appended to the file's text as directives, as Redis does,
 * so a bad one fails the start with the same "FATAL CONFIG FILE ERROR" report.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("-v") || args[0].equals("--version"))) {
            System.out.println("Redis server v=7.0.15 sha=00000000:0 malloc=jvm bits=64 build=cinnabar");
            return;
        }
        if (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"))) {
            System.out.println("Usage: ./cinnabar-server [/path/to/redis.conf] [options] [-]");
            System.out.println("       ./cinnabar-server --port 7777");
            return;
        }
        Config cfg = new Config();
        int i = 0;
        StringBuilder options = new StringBuilder();
        String configFile = null;
        if (args.length > 0 && !args[0].startsWith("--")) {
            configFile = args[0];
            i = 1;
        }
        // as Redis 7.0's main(): "--name" starts a directive only once the previous one has a value
        // (so "--port --loglevel" gives port the value "--loglevel"); values are quoted (sdscatrepr)
        boolean lastHasArg = true;
        for (; i < args.length; i++) {
            String a = args[i];
            if (lastHasArg && a.startsWith("--")) {
                if (options.length() > 0) options.append('\n');
                options.append(a.substring(2)).append(' ');
                if (a.strip().contains(" ")) continue; // "--port 6380" in one argument
                lastHasArg = false;
                boolean last = i == args.length - 1;
                boolean nextIsOption = !last && args[i + 1].startsWith("--");
                if (a.equalsIgnoreCase("--save") && (last || nextIsOption)) {
                    options.append("\"\"");
                    lastHasArg = !last;
                } else if (a.equalsIgnoreCase("--sentinel") && nextIsOption) {
                    lastHasArg = true;
                }
            } else {
                options.append(repr(a)).append(' ');
                lastHasArg = true;
            }
        }
        long pid = ProcessHandle.current().pid();
        try {
            if (configFile != null) {
                String text = configFile.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                        : Files.readString(Path.of(configFile), StandardCharsets.UTF_8);
                cfg.load(text + "\n" + options, configFile);
                if (!configFile.equals("-")) cfg.setConfigFile(Path.of(configFile));
            } else {
                cfg.load(options.toString(), "command line");
            }
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        } catch (IOException e) {
            System.err.println("Fatal error, can't open config file '" + configFile + "': No such file or directory");
            System.exit(1);
        }
        Log log = new Log();
        try {
            log.file(cfg.get("logfile"));
        } catch (IOException e) {
            System.err.println("Can't open the log file: " + e.getMessage());
            System.exit(1);
        }
        log.level(cfg.get("loglevel"));
        log.notice("oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo");
        log.notice("Redis version=7.0.15, bits=64, commit=00000000, modified=0, pid=" + pid
                + ", just started (Cinnabar on Java " + Runtime.version() + ")");
        log.notice(configFile == null ? "Warning: no config file specified, using the default config."
                : "Configuration loaded");
        String pidfile = cfg.get("pidfile");
        if (!pidfile.isEmpty()) {
            try {
                Files.writeString(Path.of(pidfile), pid + "\n");
            } catch (IOException e) {
                log.warning("Failed to write PID file: " + e.getMessage());
            }
        }
        Cinnabar server;
        try {
            server = Cinnabar.launch(cfg, Clock.system(), false, false, srv -> {
                srv.log().level(cfg.get("loglevel"));
                try {
                    srv.log().file(cfg.get("logfile"));
                } catch (IOException ignored) {
                    // already opened above
                }
                // before loading, as redis-server's banner: the test suite waits for " PID: "
                srv.log().notice("Running mode=standalone, port=" + cfg.get("port") + ". PID: " + pid);
                srv.log().notice("Server initialized");
                // SHUTDOWN may come while the data still loads (it has the loading flag)
                srv.setStopAction(() -> new Thread(() -> System.exit(0), "cinnabar-exit").start());
            });
        } catch (UncheckedIOException e) {
            log.warning("Warning: " + e.getCause().getMessage());
            log.warning("Failed listening on port " + cfg.get("port") + " (TCP), aborting.");
            System.exit(1);
            return;
        } catch (io.cinnabar.acl.AclFile.StartupError e) {
            log.warning(e.getMessage());
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            for (Throwable t = e; t != null; t = t.getCause()) {
                // the AOF logged Redis' own lines already, and the last one is what the suite reads
                if (t instanceof io.cinnabar.persistence.aof.AofException) Runtime.getRuntime().halt(1);
            }
            while (cause.getCause() != null && !(cause instanceof java.io.IOException)) cause = cause.getCause();
            log.warning("Fatal error loading the DB: " + cause.getMessage() + ". Exiting.");
            System.exit(1);
            return;
        }
        server.server().setStopAction(() -> new Thread(() -> System.exit(0), "cinnabar-exit").start());
        server.server().log().notice("Ready to accept connections");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            if (!pidfile.isEmpty()) {
                try {
                    Files.deleteIfExists(Path.of(pidfile));
                } catch (IOException ignored) {
                    // best effort, as Redis
                }
            }
        }, "cinnabar-shutdown"));
    }

    /** sdscatrepr: a double-quoted string with escapes. */
    private static String repr(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '\\': case '"': sb.append('\\').append(ch); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                case 7: sb.append("\\a"); break;
                case '\b': sb.append("\\b"); break;
                default:
                    if (ch < 32 || ch == 127) sb.append(String.format("\\x%02x", (int) ch));
                    else sb.append(ch);
            }
        }
        return sb.append('"').toString();
    }
}
