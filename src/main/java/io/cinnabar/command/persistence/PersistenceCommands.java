package io.cinnabar.command.persistence;

import io.cinnabar.command.Command;
import java.util.List;

/** SAVE, BGSAVE, DUMP and RESTORE. */
public final class PersistenceCommands {
    private PersistenceCommands() {}

    public static List<Command> all() {
        return List.of(new SaveCommand(), new BgsaveCommand(), new DumpCommand(), new RestoreCommand());
    }
}
