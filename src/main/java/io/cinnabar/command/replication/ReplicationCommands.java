package io.cinnabar.command.replication;

import io.cinnabar.command.Command;
import java.util.List;

/** Replication: REPLCONF, PSYNC, SYNC, REPLICAOF/SLAVEOF, ROLE, WAIT, FAILOVER. */
public final class ReplicationCommands {
    private ReplicationCommands() {}

    public static List<Command> all() {
        return List.of(new ReplconfCommand(), new PsyncCommand(), new SyncCommand(),
                new ReplicaofCommand("replicaof"), new ReplicaofCommand("slaveof"), new RoleCommand(),
                new WaitCommand(), new FailoverCommand());
    }
}
