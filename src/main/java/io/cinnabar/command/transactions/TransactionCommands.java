package io.cinnabar.command.transactions;

import io.cinnabar.command.Command;
import java.util.List;

/** The transactions family, as registered with the server. */
public final class TransactionCommands {
    private TransactionCommands() {}

    public static List<Command> all() {
        return List.of(new MultiCommand(), new ExecCommand(), new DiscardCommand(), new WatchCommand(),
                new UnwatchCommand());
    }
}
