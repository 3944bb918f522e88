package io.cinnabar.command.server;

import io.cinnabar.command.Command;
import io.cinnabar.server.Server;
import java.util.List;

/** The server family, as registered with the server. */
public final class ServerCommands {
    private ServerCommands() {}

    public static List<Command> all() {
        return List.of(new CommandCommand(), new InfoCommand(), new ConfigCommand(), new DbsizeCommand(),
                new FlushdbCommand(), new FlushallCommand(), new SwapdbCommand(), new TimeCommand(),
                new LastsaveCommand(), new ShutdownCommand(), new MonitorCommand(), new SlowlogCommand(),
                new LatencyCommand(), new MemoryCommand(), new DebugCommand(), new ModuleCommand(), new LolwutCommand());
    }

    /**
     * Wires what these commands keep track of into a new server: the call listener that feeds
     * latency, the slow log and MONITOR, and the run-time effect of their config parameters.
     */
    public static void install(Server server) {
        server.dispatcher().addListener(new IntrospectionListener(server));
        server.config().onChange("loglevel", p -> server.log().level(p.value()));
        server.config().onChange("slowlog-max-len", p -> server.slowlog().trim(p.number()));
    }
}
