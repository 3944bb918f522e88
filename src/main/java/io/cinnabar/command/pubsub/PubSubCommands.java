package io.cinnabar.command.pubsub;

import io.cinnabar.command.Command;
import java.util.List;

/** The pubsub family, as registered with the server. */
public final class PubSubCommands {
    private PubSubCommands() {}

    public static List<Command> all() {
        return List.of();
    }
}
