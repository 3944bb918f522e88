package io.cinnabar.command.strings;

import io.cinnabar.command.Command;
import java.util.List;

/** The string and bitmap families. */
public final class StringCommands {
    private StringCommands() {}

    public static List<Command> all() {
        return List.of(new GetCommand(), new SetCommand(), new AppendCommand(), new IncrCommand(),
                new DecrCommand(), new IncrByCommand(), new DecrByCommand(), new IncrByFloatCommand(),
                new GetDelCommand(), new GetExCommand(), new GetRangeCommand(GetRangeCommand.SPEC),
                SubstrCommand.create(), new GetSetCommand(), new MGetCommand(), new MSetCommand(false),
                new MSetCommand(true), new SetExCommand(false), new SetExCommand(true), new SetNxCommand(),
                new SetRangeCommand(), new StrlenCommand(), new LcsCommand(),
                new SetBitCommand(), new GetBitCommand(), new BitCountCommand(), new BitPosCommand(),
                new BitOpCommand(), new BitFieldCommand(false), new BitFieldCommand(true));
    }
}
