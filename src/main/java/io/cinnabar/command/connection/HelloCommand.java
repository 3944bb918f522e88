package io.cinnabar.command.connection;

import static io.cinnabar.command.CommandFlag.ALLOW_BUSY;
import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.NO_AUTH;
import static io.cinnabar.command.CommandFlag.SENTINEL;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.acl.Acl;
import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.server.ClientConnection;

/** {@code HELLO [protover [AUTH username password] [SETNAME clientname]]}: switches RESP2/RESP3. */
final class HelloCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("hello", "connection").arity(-1)
            .flags(NOSCRIPT, LOADING, STALE, FAST, NO_AUTH, SENTINEL, ALLOW_BUSY).acl(AclCategory.CONNECTION)
            .doc("Handshake with Redis", "6.0.0", "O(1)").build();
    static final String VERSION = "7.0.15";
    private static final RedisError BAD_PROTO =
            new RedisError("ERR Protocol version is not an integer or out of range");

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ClientConnection c = ctx.client();
        long ver = 0;
        int next = 1;
        if (argv.size() >= 2) {
            ver = argv.longArg(next++, BAD_PROTO);
            if (ver < 2 || ver > 3) throw new RedisError("NOPROTO unsupported protocol version");
        }
        String newName = null;
        for (int j = next; j < argv.size(); j++) {
            int more = argv.size() - 1 - j;
            if (argv.is(j, "auth") && more >= 2) {
                if (!Acl.of(ctx.server()).authenticate(c, argv.get(j + 1), argv.get(j + 2), argv.get(0))) {
                    throw AuthCommand.WRONGPASS;
                }
                j += 2;
            } else if (argv.is(j, "setname") && more >= 1) {
                newName = ClientNames.validate(argv.get(j + 1));
                c.name = newName.isEmpty() ? null : newName;
                j++;
            } else {
                throw new RedisError("ERR Syntax error in HELLO option '" + argv.str(j) + "'");
            }
        }
        if (!c.authenticated) {
            throw new RedisError("NOAUTH HELLO must be called with the client already authenticated, otherwise the "
                    + "HELLO AUTH <user> <pass> option can be used to authenticate the client and select the RESP "
                    + "protocol version at the same time");
        }
        RespOut out = ctx.out();
        if (ver != 0) out.protocol((int) ver);
        boolean replica = ctx.server().isReplica();
        out.mapHeader(7);
        out.bulk("server");
        out.bulk("redis");
        out.bulk("version");
        out.bulk(VERSION);
        out.bulk("proto");
        out.integer(out.protocol());
        out.bulk("id");
        out.integer(c.id());
        out.bulk("mode");
        out.bulk("standalone");
        out.bulk("role");
        out.bulk(replica ? "replica" : "master");
        out.bulk("modules");
        out.emptyArray();
    }
}
