package io.cinnabar.command.hashes;

import io.cinnabar.command.Command;
import java.util.List;

/** The hashes family, as registered with the server. */
public final class HashCommands {
    private HashCommands() {}

    public static List<Command> all() {
        return List.of();
    }
}
