package io.cinnabar.command.keys;

import io.cinnabar.command.Command;
import java.util.List;

/** The generic keyspace family. */
public final class KeyCommands {
    private KeyCommands() {}

    public static List<Command> all() {
        return List.of(new DelCommand(), new UnlinkCommand(), new ExistsCommand(), new TypeCommand(),
                new KeysCommand(), new ScanCommand(), new RandomKeyCommand(), new RenameCommand(),
                new RenameNxCommand(), new MoveCommand(), new CopyCommand(), new TouchCommand(), new ObjectCommand(),
                new ExpireCommand(), new PExpireCommand(), new ExpireAtCommand(), new PExpireAtCommand(),
                new TtlCommand(), new PTtlCommand(), new ExpireTimeCommand(), new PExpireTimeCommand(),
                new PersistCommand());
    }
}
