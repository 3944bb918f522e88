package io.cinnabar.command.keys;

import io.cinnabar.command.Command;
import java.util.List;

/** The generic keyspace family. */
public final class KeyCommands {
    private KeyCommands() {}

    public static List<Command> all() {
        return List.of(new DelCommand());
    }
}
