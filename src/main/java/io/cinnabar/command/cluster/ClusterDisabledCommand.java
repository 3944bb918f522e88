package io.cinnabar.command.cluster;

import static io.cinnabar.command.CommandFlag.ADMIN;
import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.NO_ASYNC_LOADING;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;

/**
 * A cluster command (a CLUSTER subcommand, READONLY, READWRITE, ASKING) of a server without
 * cluster support: each declares Redis 7.0's metadata and answers "ERR This instance has cluster
 * support disabled", as Redis does when cluster-enabled is no (even CLUSTER HELP).
 */
final class ClusterDisabledCommand implements Command {
    private final CommandSpec spec;

    ClusterDisabledCommand(CommandSpec spec) {
        this.spec = spec;
    }

    @Override public CommandSpec spec() {
        return spec;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        throw ClusterCommands.DISABLED;
    }

    private static CommandSpec.Builder sub(String name, int arity, String summary, String since, String complexity) {
        return CommandSpec.builder(name, "cluster").parent("cluster").arity(arity).doc(summary, since, complexity);
    }

    /** Every CLUSTER subcommand of Redis 7.0. */
    static Command[] subcommands() {
        CommandSpec[] specs = {
        sub("addslots", -3, "Assign new hash slots to receiving node", "3.0.0",
                "O(N) where N is the total number of hash slot arguments").flags(ADMIN, STALE, NO_ASYNC_LOADING).build(),
        sub("addslotsrange", -4, "Assign new hash slots to receiving node", "7.0.0",
                "O(N) where N is the total number of the slots between the start slot and end slot arguments.").flags(ADMIN, STALE, NO_ASYNC_LOADING).build(),
        sub("bumpepoch", 2, "Advance the cluster config epoch", "3.0.0",
                "O(1)").tips("nondeterministic_output").flags(ADMIN, STALE, NO_ASYNC_LOADING).build(),
        sub("count-failure-reports", 3, "Return the number of failure reports active for a given node", "3.0.0",
                "O(N) where N is the number of failure reports").tips("nondeterministic_output").flags(ADMIN, STALE).build(),
        sub("countkeysinslot", 3, "Return the number of local keys in the specified hash slot", "3.0.0",
                "O(1)").flags(STALE).build(),
        sub("delslots", -3, "Set hash slots as unbound in receiving node", "3.0.0",
                "O(N) where N is the total number of hash slot arguments").flags(ADMIN, STALE, NO_ASYNC_LOADING).build(),
        sub("delslotsrange", -4, "Set hash slots as unbound in receiving node", "7.0.0",
                "O(N) where N is the total number of the slots between the start slot and end slot arguments.").flags(ADMIN, STALE, NO_ASYNC_LOADING).build(),
        sub("failover", -2, "Forces a replica to perform a manual failover of its master.", "3.0.0",
                "O(1)").flags(ADMIN, STALE, NO_ASYNC_LOADING).build(),
        sub("flushslots", 2, "Delete a node's own slots information", "3.0.0",
                "O(1)").flags(ADMIN, STALE, NO_ASYNC_LOADING).build(),
        sub("forget", 3, "Remove a node from the nodes table", "3.0.0",
                "O(1)").flags(ADMIN, STALE, NO_ASYNC_LOADING).build(),
        sub("getkeysinslot", 4, "Return local key names in the specified hash slot", "3.0.0",
                "O(log(N)) where N is the number of requested keys").tips("nondeterministic_output").flags(STALE).build(),
        sub("help", 2, "Show helpful text about the different subcommands", "5.0.0",
                "O(1)").flags(LOADING, STALE).build(),
        sub("info", 2, "Provides info about Redis Cluster node state", "3.0.0",
                "O(1)").tips("nondeterministic_output").flags(STALE).build(),
        sub("keyslot", 3, "Returns the hash slot of the specified key", "3.0.0",
                "O(N) where N is the number of bytes in the key").flags(STALE).build(),
        sub("links", 2, "Returns a list of all TCP links to and from peer nodes in cluster", "7.0.0",
                "O(N) where N is the total number of Cluster nodes").tips("nondeterministic_output").flags(STALE).build(),
        sub("meet", -4, "Force a node cluster to handshake with another node", "3.0.0",
                "O(1)").flags(ADMIN, STALE, NO_ASYNC_LOADING).build(),
        sub("myid", 2, "Return the node id", "3.0.0",
                "O(1)").flags(STALE).build(),
        sub("nodes", 2, "Get Cluster config for the node", "3.0.0",
                "O(N) where N is the total number of Cluster nodes").tips("nondeterministic_output").flags(STALE).build(),
        sub("replicas", 3, "List replica nodes of the specified master node", "5.0.0",
                "O(1)").tips("nondeterministic_output").flags(ADMIN, STALE).build(),
        sub("replicate", 3, "Reconfigure a node as a replica of the specified master node", "3.0.0",
                "O(1)").flags(ADMIN, STALE, NO_ASYNC_LOADING).build(),
        sub("reset", -2, "Reset a Redis Cluster node", "3.0.0",
                "O(N) where N is the number of known nodes. The command may execute a FLUSHALL as a side effect.").flags(ADMIN, NOSCRIPT, STALE).build(),
        sub("saveconfig", 2, "Forces the node to save cluster state on disk", "3.0.0",
                "O(1)").flags(ADMIN, STALE, NO_ASYNC_LOADING).build(),
        sub("set-config-epoch", 3, "Set the configuration epoch in a new node", "3.0.0",
                "O(1)").flags(ADMIN, STALE, NO_ASYNC_LOADING).build(),
        sub("setslot", -4, "Bind a hash slot to a specific node", "3.0.0",
                "O(1)").flags(ADMIN, STALE, NO_ASYNC_LOADING).build(),
        sub("shards", 2, "Get array of cluster slots to node mappings", "7.0.0",
                "O(N) where N is the total number of cluster nodes").tips("nondeterministic_output").flags(STALE).build(),
        sub("slaves", 3, "List replica nodes of the specified master node", "3.0.0",
                "O(1)").tips("nondeterministic_output").flags(ADMIN, STALE).build(),
        sub("slots", 2, "Get array of Cluster slot to node mappings", "3.0.0",
                "O(N) where N is the total number of Cluster nodes").tips("nondeterministic_output").flags(STALE).build()
        };
        Command[] out = new Command[specs.length];
        for (int i = 0; i < specs.length; i++) out[i] = new ClusterDisabledCommand(specs[i]);
        return out;
    }
}
