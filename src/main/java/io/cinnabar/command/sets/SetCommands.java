package io.cinnabar.command.sets;

import io.cinnabar.command.Command;
import java.util.List;

/** The sets family, as registered with the server. */
public final class SetCommands {
    private SetCommands() {}

    public static List<Command> all() {
        return List.of(new SAddCommand(), new SRemCommand(), new SCardCommand(), new SIsMemberCommand(),
                new SMIsMemberCommand(), new SMembersCommand(), new SRandMemberCommand(), new SPopCommand(),
                new SMoveCommand(), new SInterCommand(), new SInterCardCommand(), new SInterStoreCommand(),
                new SUnionCommand(), new SUnionStoreCommand(), new SDiffCommand(), new SDiffStoreCommand(),
                new SScanCommand());
    }
}
