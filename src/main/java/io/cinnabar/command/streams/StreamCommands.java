package io.cinnabar.command.streams;

import io.cinnabar.command.Command;
import java.util.List;

/** The streams family, as registered with the server. */
public final class StreamCommands {
    private StreamCommands() {}

    public static List<Command> all() {
        return List.of();
    }
}
