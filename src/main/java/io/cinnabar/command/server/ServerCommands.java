package io.cinnabar.command.server;

import io.cinnabar.command.Command;
import java.util.List;

/** The server family, as registered with the server. */
public final class ServerCommands {
    private ServerCommands() {}

    public static List<Command> all() {
        return List.of();
    }
}
