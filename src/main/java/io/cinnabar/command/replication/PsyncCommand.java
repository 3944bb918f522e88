package io.cinnabar.command.replication;

import static io.cinnabar.command.CommandFlag.ADMIN;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.NO_ASYNC_LOADING;
import static io.cinnabar.command.CommandFlag.NO_MULTI;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.RedisError;
import io.cinnabar.replication.Replication;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.ClientConnection;

/** {@code PSYNC replicationid offset}: +CONTINUE from the backlog, or +FULLRESYNC with a snapshot. */
final class PsyncCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("psync", "server").arity(-3)
            .flags(ADMIN, NOSCRIPT, NO_ASYNC_LOADING, NO_MULTI)
            .doc("Internal command used for replication", "2.8.0", "").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        if (!io.cinnabar.util.Numbers.isLong(argv.get(2))) {
            ctx.server().log().warning("Replica " + ctx.client().addr()
                    + " asks for synchronization but with a wrong offset");
            throw io.cinnabar.error.Errors.NOT_INTEGER;
        }
        if (argv.size() > 3 && argv.is(3, "failover")) promoteForFailover(ctx, argv.str(1));
        start(ctx, argv.str(1), argv.longArg(2), false);
    }

    /** The master failing over to us asks us to become the master first (it continues as our replica). */
    private static void promoteForFailover(Ctx ctx, String replid) {
        Replication repl = ctx.server().replication();
        ctx.server().log().warning("Failover request received for replid " + replid + ".");
        if (!repl.isReplica()) throw new RedisError("ERR PSYNC FAILOVER can't be sent to a master.");
        if (!replid.equalsIgnoreCase(repl.replid())) throw new RedisError("ERR PSYNC FAILOVER replid must match my replid.");
        repl.becomeMaster();
        ctx.server().log().notice("MASTER MODE enabled (failover request from '" + ctx.client().addr() + "')");
    }

    static void start(Ctx ctx, String replid, long offset, boolean legacy) {
        ClientConnection c = ctx.client();
        if (c.has(ClientConnection.REPLICA)) return; // already a replica: ignore, as Redis
        Replication repl = ctx.server().replication();
        if (repl.failover().active()) throw new RedisError("NOMASTERLINK Can't SYNC while failing over");
        if (repl.link() != null && !repl.link().up()) {
            throw new RedisError("NOMASTERLINK Can't SYNC while not connected with my master");
        }
        if (ctx.out().pending() > 0) throw new RedisError("ERR SYNC and PSYNC are invalid with pending output");
        ctx.server().flush(c);
        repl.psync(c, replid, offset, legacy);
    }
}
