package io.cinnabar.command.replication;

import static io.cinnabar.command.CommandFlag.NOSCRIPT;

import io.cinnabar.blocking.Blocking;
import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.replication.Replication;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.ClientConnection;

/**
 * {@code WAIT numreplicas timeout}: blocks (through the shared blocking framework, without keys)
 * until that many replicas acknowledged the replication offset current at the call, asking them
 * for an ACK at once as Redis does; on timeout, the count reached so far.
 */
final class WaitCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("wait", "generic").arity(3).flags(NOSCRIPT)
            .acl(AclCategory.CONNECTION).tips("request_policy:all_shards", "response_policy:agg_min")
            .doc("Wait for the synchronous replication of all the write commands sent in the context of the current "
                    + "connection", "3.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Replication repl = ctx.server().replication();
        if (repl.isReplica()) {
            throw Errors.err("WAIT cannot be used with replica instances. Please also note that since Redis 4.0 if a "
                    + "replica is configured to be writable (which is not the default) writes to replicas are just "
                    + "local and are not propagated.");
        }
        long needed = argv.longArg(1);
        long timeoutAt = Blocking.parseTimeoutMillis(argv.get(2), ctx.now());
        long offset = repl.masterOffset();
        int acked = repl.replicasAcked(offset);
        if (acked >= needed || !ctx.mayBlock()) {
            ctx.out().integer(acked);
            return;
        }
        ctx.blockUntil(timeoutAt, new Blocking.Waiter() {
            @Override public boolean tryComplete(ClientConnection c) {
                int n = repl.replicasAcked(offset);
                if (n < needed) return false;
                c.out().integer(n);
                return true;
            }

            @Override public void timedOut(ClientConnection c) {
                c.out().integer(repl.replicasAcked(offset));
            }
        });
        repl.requestAcks();
    }
}
