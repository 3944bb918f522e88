package io.cinnabar.command.sort;

import io.cinnabar.command.Command;
import java.util.List;

/** SORT and SORT_RO, as registered with the server. */
public final class SortCommands {
    private SortCommands() {}

    public static List<Command> all() {
        return List.of(new SortCommand(), new SortRoCommand());
    }
}
