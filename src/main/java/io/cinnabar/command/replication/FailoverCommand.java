package io.cinnabar.command.replication;

import static io.cinnabar.command.CommandFlag.ADMIN;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.replication.Failover;
import io.cinnabar.resp.Argv;

/** {@code FAILOVER [TO host port [FORCE]] [ABORT] [TIMEOUT milliseconds]}. */
final class FailoverCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("failover", "server").arity(-1).flags(ADMIN, NOSCRIPT, STALE)
            .doc("Start a coordinated failover between this server and one of its replicas.", "6.2.0", "O(1)")
            .build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Failover failover = ctx.server().<io.cinnabar.replication.Replication>replication().failover();
        if (argv.size() == 2 && argv.is(1, "abort")) {
            failover.abortByUser();
            ctx.out().ok();
            return;
        }
        long timeout = 0;
        boolean force = false;
        String host = null;
        long port = 0;
        // the same token may not repeat; a second TIMEOUT/TO/FORCE is a syntax error (as Redis)
        for (int j = 1; j < argv.size(); j++) {
            if (argv.is(j, "timeout") && j + 1 < argv.size() && timeout == 0) {
                timeout = argv.longArg(j + 1);
                if (timeout <= 0) throw new RedisError("ERR FAILOVER timeout must be greater than 0");
                j++;
            } else if (argv.is(j, "to") && j + 2 < argv.size() && host == null) {
                port = argv.longArg(j + 2);
                host = argv.str(j + 1);
                j += 2;
            } else if (argv.is(j, "force") && !force) {
                force = true;
            } else {
                throw Errors.SYNTAX;
            }
        }
        failover.start(host, (int) port, timeout, force);
        ctx.out().ok();
    }
}
