package io.cinnabar.command.replication;

import static io.cinnabar.command.CommandFlag.ADMIN;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.NO_ASYNC_LOADING;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.replication.Replication;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.ClientConnection;

/** {@code REPLICAOF host port | NO ONE} (and its old name SLAVEOF). */
final class ReplicaofCommand implements Command {
    private final CommandSpec spec;

    ReplicaofCommand(String name) {
        this.spec = CommandSpec.builder(name, "server").arity(3).flags(ADMIN, NOSCRIPT, STALE, NO_ASYNC_LOADING)
                .doc("Make the server a replica of another instance, or promote it as master.",
                        name.equals("slaveof") ? "1.0.0" : "5.0.0", "O(1)").build();
    }

    @Override public CommandSpec spec() {
        return spec;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Replication repl = ctx.server().replication();
        if (repl.failover().active()) throw Errors.err("REPLICAOF not allowed while failing over.");
        if (argv.is(1, "no") && argv.is(2, "one")) {
            repl.becomeMaster();
            ctx.out().ok();
            return;
        }
        if (ctx.client().has(ClientConnection.REPLICA)) {
            throw Errors.err("Command is not valid when client is a replica.");
        }
        long port = io.cinnabar.util.Numbers.parseLongOr(argv.get(2), -1);
        if (port < 0 || port > 65535) throw new RedisError("ERR Invalid master port");
        String host = argv.str(1);
        if (repl.link() != null && repl.link().host().equalsIgnoreCase(host) && repl.link().port() == port) {
            ctx.out().simple("OK Already connected to specified master");
            return;
        }
        repl.becomeReplicaOf(host, (int) port);
        ctx.out().ok();
    }
}
