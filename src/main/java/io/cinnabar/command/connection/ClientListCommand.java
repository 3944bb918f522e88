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
import io.cinnabar.server.ClientInfo;

/** {@code CLIENT LIST [TYPE normal|master|replica|pubsub] [ID id [id ...]]}. */
final class ClientListCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("list", "connection").parent("client").arity(-2).flags(ADMIN, NOSCRIPT, LOADING, STALE).acl(AclCategory.CONNECTION)
            .tips("nondeterministic_output")
            .doc("Get the list of client connections", "2.4.0", "O(N) where N is the number of client connections").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        StringBuilder sb = new StringBuilder();
        var clients = ctx.server().clients();
        if (argv.size() == 4 && argv.is(2, "type")) {
            int type = ClientCommand.typeByName(argv.str(3));
            if (type < 0) throw Errors.err("Unknown client type '" + argv.str(3) + "'");
            for (ClientConnection c : clients.values()) {
                if (ClientCommand.typeOf(c) == type) sb.append(ClientInfo.describe(ctx.server(), c)).append('\n');
            }
        } else if (argv.size() > 3 && argv.is(2, "id")) {
            RedisError bad = new RedisError("ERR Invalid client ID");
            for (int i = 3; i < argv.size(); i++) {
                ClientConnection c = clients.get(argv.longArg(i, bad));
                if (c != null) sb.append(ClientInfo.describe(ctx.server(), c)).append('\n');
            }
        } else if (argv.size() != 2) {
            throw Errors.SYNTAX;
        } else {
            for (ClientConnection c : clients.values()) sb.append(ClientInfo.describe(ctx.server(), c)).append('\n');
        }
        ctx.out().verbatim(sb.toString());
    }
}
