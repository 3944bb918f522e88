package io.cinnabar.command.sets;

import io.cinnabar.command.Command;
import java.util.List;

/** The sets family, as registered with the server. */
public final class SetCommands {
    private SetCommands() {}

    public static List<Command> all() {
        return List.of();
    }
}
