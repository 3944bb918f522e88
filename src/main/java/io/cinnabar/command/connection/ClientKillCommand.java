package io.cinnabar.command.connection;

import static io.cinnabar.command.CommandFlag.ADMIN;
import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.ClientConnection;
import java.util.ArrayList;
import java.util.List;

/** {@code CLIENT KILL addr:port} or {@code CLIENT KILL [ID id] [TYPE t] [USER u] [ADDR a] [LADDR a] [SKIPME yes|no] [MAXAGE s]}. */
final class ClientKillCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("kill", "connection").parent("client").arity(-3).flags(ADMIN, NOSCRIPT, LOADING, STALE).acl(AclCategory.CONNECTION)
            .doc("Kill the connection of a client", "2.4.0", "O(N) where N is the number of client connections").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    private static final RedisError BAD_ID = new RedisError("ERR client-id should be greater than 0");

    @Override public void execute(Ctx ctx, Argv argv) {
        String addr = null, laddr = null, user = null;
        Object aclUser = null;
        int type = -1;
        long id = 0, maxAge = 0;
        boolean skipme = true;
        if (argv.size() == 3) {
            addr = argv.str(2);
            skipme = false; // the old form can kill the caller
        } else {
            for (int i = 2; i < argv.size(); i += 2) {
                boolean more = argv.size() > i + 1;
                if (argv.is(i, "id") && more) {
                    id = argv.longArg(i + 1, BAD_ID);
                    if (id < 1) throw BAD_ID;
                } else if (argv.is(i, "type") && more) {
                    type = ClientCommand.typeByName(argv.str(i + 1));
                    if (type < 0) throw Errors.err("Unknown client type '" + argv.str(i + 1) + "'");
                } else if (argv.is(i, "addr") && more) {
                    addr = argv.str(i + 1);
                } else if (argv.is(i, "laddr") && more) {
                    laddr = argv.str(i + 1);
                } else if (argv.is(i, "user") && more) {
                    user = argv.str(i + 1);
                    aclUser = io.cinnabar.acl.Acl.of(ctx.server()).user(new String(argv.get(i + 1),
                            java.nio.charset.StandardCharsets.ISO_8859_1));
                    if (aclUser == null) throw Errors.err("No such user '" + user + "'");
                } else if (argv.is(i, "skipme") && more) {
                    if (argv.is(i + 1, "yes")) skipme = true;
                    else if (argv.is(i + 1, "no")) skipme = false;
                    else throw Errors.SYNTAX;
                } else if (argv.is(i, "maxage") && more) {
                    maxAge = argv.longArg(i + 1);
                } else {
                    throw Errors.SYNTAX;
                }
            }
        }
        ClientConnection self = ctx.client();
        long now = ctx.now();
        List<ClientConnection> victims = new ArrayList<>();
        for (ClientConnection c : ctx.server().clients().values()) {
            if (addr != null && !addr.equals(c.addr())) continue;
            if (laddr != null && !laddr.equals(c.laddr())) continue;
            if (type != -1 && ClientCommand.typeOf(c) != type) continue;
            if (id != 0 && c.id() != id) continue;
            if (aclUser != null && c.aclUser != aclUser) continue;
            if (maxAge != 0 && (now - c.createdMillis()) / 1000 < maxAge) continue;
            if (c == self && skipme) continue;
            victims.add(c);
        }
        for (ClientConnection c : victims) {
            if (c == self) c.flags |= ClientConnection.CLOSE_AFTER_REPLY;
            else ctx.server().closeClient(c);
        }
        if (argv.size() == 3) {
            if (victims.isEmpty()) throw Errors.err("No such client");
            ctx.out().ok();
        } else {
            ctx.out().integer(victims.size());
        }
    }
}
