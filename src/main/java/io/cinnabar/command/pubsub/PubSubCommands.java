package io.cinnabar.command.pubsub;

import io.cinnabar.command.Command;
import java.util.List;

/** The pubsub family, as registered with the server. */
public final class PubSubCommands {
    private PubSubCommands() {}

    public static List<Command> all() {
        return List.of(new SubscribeCommand(), new UnsubscribeCommand(), new PsubscribeCommand(),
                new PunsubscribeCommand(), new SsubscribeCommand(), new SunsubscribeCommand(),
                new PublishCommand(), new SpublishCommand(), new PubsubCommand());
    }
}
