package io.cinnabar.command.lists;

import io.cinnabar.command.Command;
import java.util.List;

/** The lists family, as registered with the server. */
public final class ListCommands {
    private ListCommands() {}

    public static List<Command> all() {
        return List.of(PushCommand.LPUSH, PushCommand.RPUSH, PushCommand.LPUSHX, PushCommand.RPUSHX,
                PopCommand.LPOP, PopCommand.RPOP, new LLenCommand(), new LIndexCommand(), new LSetCommand(),
                new LRangeCommand(), new LInsertCommand(), new LRemCommand(), new LTrimCommand(), new LPosCommand(),
                MoveCommand.LMOVE, MoveCommand.RPOPLPUSH, MPopCommand.LMPOP, MPopCommand.BLMPOP,
                BPopCommand.BLPOP, BPopCommand.BRPOP, BMoveCommand.BLMOVE, BMoveCommand.BRPOPLPUSH);
    }
}
