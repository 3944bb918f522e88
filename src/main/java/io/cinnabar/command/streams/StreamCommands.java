package io.cinnabar.command.streams;

import io.cinnabar.command.Command;
import java.util.List;

/** The streams family, as registered with the server. */
public final class StreamCommands {
    private StreamCommands() {}

    public static List<Command> all() {
        return List.of(new XAddCommand(), XRangeCommand.XRANGE, XRangeCommand.XREVRANGE, new XLenCommand(),
                new XDelCommand(), new XTrimCommand(), new XSetIdCommand(), new XReadCommand(),
                new XReadGroupCommand(), new XGroupCommand(), new XAckCommand(), new XPendingCommand(),
                new XClaimCommand(), new XAutoClaimCommand(), new XInfoCommand());
    }
}
