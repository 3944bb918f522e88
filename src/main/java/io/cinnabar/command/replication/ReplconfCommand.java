package io.cinnabar.command.replication;

import static io.cinnabar.command.CommandFlag.ADMIN;
import static io.cinnabar.command.CommandFlag.ALLOW_BUSY;
import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.replication.Replication;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.ClientConnection;

/** {@code REPLCONF option value ...}: a replica's side of the handshake, ACK and GETACK. */
final class ReplconfCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("replconf", "server").arity(-1)
            .flags(ADMIN, NOSCRIPT, LOADING, STALE, ALLOW_BUSY)
            .doc("An internal command for configuring the replication stream", "3.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        if (argv.size() % 2 == 0) throw Errors.SYNTAX;
        Replication repl = ctx.server().replication();
        ClientConnection c = ctx.client();
        for (int j = 1; j < argv.size(); j += 2) {
            if (argv.is(j, "listening-port")) {
                repl.pendingState(c).setListeningPort((int) argv.longArg(j + 1));
            } else if (argv.is(j, "ip-address")) {
                if (argv.get(j + 1).length >= 46) {
                    throw Errors.err("REPLCONF ip-address provided by replica instance is too long: "
                            + argv.get(j + 1).length + " bytes");
                }
                repl.pendingState(c).setAnnouncedIp(argv.str(j + 1));
            } else if (argv.is(j, "capa")) {
                if (argv.is(j + 1, "psync2")) repl.pendingState(c).setPsync2();
                else if (argv.is(j + 1, "eof")) repl.pendingState(c).setCapaEof();
            } else if (argv.is(j, "ack")) {
                if (!c.has(ClientConnection.REPLICA)) return;
                long off = io.cinnabar.util.Numbers.parseLongOr(argv.get(j + 1), -1);
                if (off >= 0) repl.ack(c, off);
                return; // no reply
            } else if (argv.is(j, "getack")) {
                if (repl.link() != null && c.has(ClientConnection.MASTER)) repl.link().sendAck();
                return;
            } else if (argv.is(j, "rdb-only") || argv.is(j, "rdb-filter-only")) {
                // accepted; a full snapshot is always sent
            } else {
                throw Errors.err("Unrecognized REPLCONF option: " + argv.str(j));
            }
        }
        ctx.out().ok();
    }
}
