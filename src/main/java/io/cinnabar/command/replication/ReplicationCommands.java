package io.cinnabar.command.replication;

import io.cinnabar.command.Command;
import java.util.List;

/** The replication family, as registered with the server. */
public final class ReplicationCommands {
    private ReplicationCommands() {}

    public static List<Command> all() {
        return List.of();
    }
}
