package io.cinnabar.command;

import io.cinnabar.command.cluster.ClusterCommands;
import io.cinnabar.command.connection.ConnectionCommands;
import io.cinnabar.command.geo.GeoCommands;
import io.cinnabar.command.hashes.HashCommands;
import io.cinnabar.command.hyperloglog.HyperLogLogCommands;
import io.cinnabar.command.keys.KeyCommands;
import io.cinnabar.command.lists.ListCommands;
import io.cinnabar.command.persistence.PersistenceCommands;
import io.cinnabar.command.pubsub.PubSubCommands;
import io.cinnabar.command.replication.ReplicationCommands;
import io.cinnabar.command.scripting.ScriptingCommands;
import io.cinnabar.command.server.ServerCommands;
import io.cinnabar.command.sets.SetCommands;
import io.cinnabar.command.sort.SortCommands;
import io.cinnabar.command.sortedsets.SortedSetCommands;
import io.cinnabar.command.streams.StreamCommands;
import io.cinnabar.command.strings.StringCommands;
import io.cinnabar.command.transactions.TransactionCommands;

/** Every command family; a new server registers them all. */
public final class Commands {
    private Commands() {}

    public static CommandRegistry registry() {
        return new CommandRegistry()
                .register(ConnectionCommands.all())
                .register(StringCommands.all())
                .register(KeyCommands.all())
                .register(ServerCommands.all())
                .register(ListCommands.all())
                .register(HashCommands.all())
                .register(SetCommands.all())
                .register(SortCommands.all())
                .register(SortedSetCommands.all())
                .register(StreamCommands.all())
                .register(TransactionCommands.all())
                .register(PubSubCommands.all())
                .register(ScriptingCommands.all())
                .register(ReplicationCommands.all())
                .register(PersistenceCommands.all())
                .register(io.cinnabar.command.acl.AclCommands.all())
                .register(HyperLogLogCommands.all())
                .register(GeoCommands.all())
                .register(ClusterCommands.all());
    }
}
