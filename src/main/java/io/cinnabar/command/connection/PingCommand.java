package io.cinnabar.command.connection;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.SENTINEL;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.server.ClientConnection;

/** {@code PING [message]}: in RESP2 subscribed mode it answers as a pub/sub message ["pong", msg]. */
final class PingCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("ping", "connection").arity(-1)
            .flags(FAST, SENTINEL).acl(AclCategory.CONNECTION)
            .doc("Ping the server", "1.0.0", "O(1)").tips("request_policy:all_shards", "response_policy:all_succeeded")
            .build();
    private static final byte[] PONG = RespOut.bytes("+PONG\r\n");
    private static final byte[] PONG_WORD = RespOut.bytes("pong");

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        if (argv.size() > 2) throw io.cinnabar.error.Errors.wrongArity("ping");
        RespOut out = ctx.out();
        if (ctx.client().has(ClientConnection.PUBSUB) && out.protocol() == 2) {
            out.arrayHeader(2);
            out.bulk(PONG_WORD);
            out.bulk(argv.size() == 1 ? new byte[0] : argv.get(1));
        } else if (argv.size() == 1) {
            out.raw(PONG);
        } else {
            out.bulk(argv.get(1));
        }
    }
}
