package io.cinnabar.command.lists;

import io.cinnabar.command.Command;
import java.util.List;

/** The lists family, as registered with the server. */
public final class ListCommands {
    private ListCommands() {}

    public static List<Command> all() {
        return List.of();
    }
}
