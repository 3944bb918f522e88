package io.cinnabar;

import io.cinnabar.command.Commands;
import io.cinnabar.config.Config;
import io.cinnabar.config.ConfigException;
import io.cinnabar.server.NetServer;
import io.cinnabar.server.Server;
import io.cinnabar.time.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A running Cinnabar server, and the entry point for embedding one:
 * <pre>{@code
 * try (Cinnabar redis = Cinnabar.builder().port(0).clock(clock).start()) {
 *     int port = redis.port();
 * }
 * }</pre>
 * Two servers in one JVM share nothing.
 */
public final class Cinnabar implements AutoCloseable {
    private final Server server;
    private final NetServer net;

    private Cinnabar(Server server, NetServer net) {
        this.server = server;
        this.net = net;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The TCP port the server listens on (the ephemeral one when built with port 0). */
    public int port() {
        return net.port();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port());
    }

    /** The server's state, for code that runs on its event loop ({@link #call}). */
    public Server server() {
        return server;
    }

    /** Runs a task on the server's event loop (where the keyspace may be touched) and returns its result. */
    public <T> T call(java.util.concurrent.Callable<T> task) {
        return net.call(task);
    }

    @Override public void close() {
        try {
            net.call(() -> {
                server.shutdown();
                return null;
            });
        } catch (RuntimeException ignored) {
            // already stopping
        }
        net.close();
    }

    /** Configures and starts a server; fails fast on bad configuration. */
    public static final class Builder {
        private Clock clock = Clock.system();
        private final Map<String, String> config = new LinkedHashMap<>();
        private String configFile;
        private boolean quiet = true;

        private Builder() {
            config.put("port", "0");
            config.put("bind", "127.0.0.1");
            config.put("save", ""); // embedded: no snapshots unless asked for
        }

        public Builder port(int port) {
            if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
            config.put("port", Integer.toString(port));
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Any redis.conf parameter by name, e.g. {@code config("maxclients", "100")}. */
        public Builder config(String name, String value) {
            config.put(name, value);
            return this;
        }

        public Builder configFile(String path) {
            this.configFile = path;
            return this;
        }

        /** Whether to print the server log (off by default when embedded). */
        public Builder log(boolean enabled) {
            this.quiet = !enabled;
            return this;
        }

        public Cinnabar start() {
            Config cfg = new Config();
            if (!config.containsKey("dir") && configFile == null) {
                // an embedded server does not pick up a dump.rdb that happens to lie in the working folder
                try {
                    config.put("dir", java.nio.file.Files.createTempDirectory("cinnabar").toString());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            try {
                if (configFile != null) cfg.loadFile(java.nio.file.Path.of(configFile));
                for (Map.Entry<String, String> e : config.entrySet()) cfg.set(e.getKey(), e.getValue());
            } catch (ConfigException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            boolean ephemeral = "0".equals(config.get("port")) && configFile == null;
            return launch(cfg, clock, quiet, ephemeral);
        }
    }

    /**
     * Starts a server from a loaded configuration. With {@code ephemeralPort}, port 0 means "pick
     * a free port" (embedding) instead of redis-server's "no TCP listener".
     */
    static Cinnabar launch(Config cfg, Clock clock, boolean quiet, boolean ephemeralPort) {
        return launch(cfg, clock, quiet, ephemeralPort, s -> { });
    }

    /**
     * As above; {@code listening} runs once the sockets are bound and before the data is loaded
     * (redis-server prints its banner with the PID there, and the test suite waits for it).
     */
    static Cinnabar launch(Config cfg, Clock clock, boolean quiet, boolean ephemeralPort,
            java.util.function.Consumer<Server> listening) {
        io.cinnabar.command.CommandRegistry registry = Commands.registry();
        for (String[] d : cfg.extraDirectives()) {
            if (d[0].equals("rename-command") && d.length == 3) registry.rename(d[1], d[2]);
        }
        Server server = new Server(cfg, clock, registry);
        server.log().quiet(quiet);
        Subsystems.install(server);
        NetServer net = new NetServer(server);
        List<String> binds = new ArrayList<>(Arrays.asList(cfg.get("bind").trim().split("\\s+")));
        int port = cfg.getInt("port");
        try {
            net.start(binds, port, port != 0 || ephemeralPort, cfg.get("unixsocket"), cfg.getInt("unixsocketperm"));
        } catch (IOException e) {
            net.close();
            throw new UncheckedIOException(e);
        }
        if (ephemeralPort) {
            int bound = net.port();
            server.config().setUnchecked("port", Integer.toString(bound));
        }
        listening.accept(server);
        try {
            // the event loop serves (LOADING) while the data loads; this thread waits for the end
            net.call(() -> Subsystems.started(server)).join();
        } catch (java.util.concurrent.CompletionException e) {
            net.close();
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException && !(cause instanceof UncheckedIOException)
                    ? (RuntimeException) cause : new IllegalStateException(cause);
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
        Cinnabar cinnabar = new Cinnabar(server, net);
        // SHUTDOWN closes an embedded server; Main replaces this with exiting the process
        server.setStopAction(() -> new Thread(cinnabar::close, "cinnabar-stop").start());
        return cinnabar;
    }
}
