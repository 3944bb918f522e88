package io.cinnabar.command.hashes;

import io.cinnabar.command.Command;
import java.util.List;

/** The hashes family, as registered with the server. */
public final class HashCommands {
    private HashCommands() {}

    public static List<Command> all() {
        return List.of(new HSetCommand(), new HSetNxCommand(), new HMSetCommand(), new HGetCommand(),
                new HMGetCommand(), new HDelCommand(), new HExistsCommand(), new HLenCommand(),
                new HStrLenCommand(), new HKeysCommand(), new HValsCommand(), new HGetAllCommand(),
                new HIncrByCommand(), new HIncrByFloatCommand(), new HRandFieldCommand(), new HScanCommand());
    }
}
