package io.cinnabar.command.sortedsets;

import io.cinnabar.command.Command;
import java.util.List;

/** The sortedsets family, as registered with the server. */
public final class SortedSetCommands {
    private SortedSetCommands() {}

    public static List<Command> all() {
        return List.of();
    }
}
