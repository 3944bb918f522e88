package io.cinnabar.command.strings;

import io.cinnabar.command.Command;
import java.util.List;

/** The string family. */
public final class StringCommands {
    private StringCommands() {}

    public static List<Command> all() {
        return List.of(new GetCommand(), new SetCommand());
    }
}
