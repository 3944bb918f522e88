package io.cinnabar.command.persistence;

import io.cinnabar.command.Command;
import java.util.List;

/** SAVE, BGSAVE, DUMP, RESTORE and MIGRATE. */
public final class PersistenceCommands {
    private PersistenceCommands() {}

    public static List<Command> all() {
        return List.of(new SaveCommand(), new BgsaveCommand(), new BgrewriteaofCommand(), new DumpCommand(),
                new RestoreCommand(), new RestoreAskingCommand(),
                new MigrateCommand());
    }
}
