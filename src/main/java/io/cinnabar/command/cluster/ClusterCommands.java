package io.cinnabar.command.cluster;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import java.util.List;

/** The cluster family as a server started without cluster support answers it: CLUSTER, READONLY, READWRITE, ASKING. */
public final class ClusterCommands {
    private ClusterCommands() {}

    static final RedisError DISABLED = Errors.err("This instance has cluster support disabled");

    public static List<Command> all() {
        return List.of(new ClusterCommand(),
                connection("readonly", "Enables read queries for a connection to a cluster replica node", LOADING, STALE, FAST),
                connection("readwrite", "Disables read queries for a connection to a cluster replica node", LOADING, STALE, FAST),
                connection("asking", "Sent by cluster clients after an -ASK redirect", FAST));
    }

    /** READONLY, READWRITE, ASKING: connection-state commands that only a cluster node accepts. */
    private static Command connection(String name, String summary, long... flags) {
        return new ClusterDisabledCommand(CommandSpec.builder(name, "cluster").arity(1).flags(flags)
                .acl(AclCategory.CONNECTION).doc(summary, "3.0.0", "O(1)").build());
    }
}
