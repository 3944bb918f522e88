package io.cinnabar.command.pubsub;

import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.PUBSUB;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.RedisError;
import io.cinnabar.pubsub.PubSub;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.ClientConnection;

/** {@code SUBSCRIBE channel [channel ...]}: enters pub/sub mode (RESP2 allows only (un)subscribe, PING, QUIT, RESET then). */
final class SubscribeCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("subscribe", "pubsub").arity(-2)
            .flags(PUBSUB, NOSCRIPT, LOADING, STALE).acl(AclCategory.PUBSUB)
            .doc("Listen for messages published to the given channels", "2.0.0", "O(N) where N is the number of channels to subscribe to.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ClientConnection c = ctx.client();
        // CLIENT_DENY_BLOCKING: scripts cannot; MULTI may, for backward compatibility
        if (ctx.nested() && !c.has(ClientConnection.MULTI)) {
            throw new RedisError("ERR SUBSCRIBE isn't allowed for a DENY BLOCKING client");
        }
        PubSub ps = ctx.server().pubsub();
        for (int i = 1; i < argv.size(); i++) ps.subscribe(c, argv.get(i), false);
    }
}
