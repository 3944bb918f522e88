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

/** {@code PSUBSCRIBE pattern [pattern ...]}: subscribes to every channel matching the glob-style patterns. */
final class PsubscribeCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("psubscribe", "pubsub").arity(-2)
            .flags(PUBSUB, NOSCRIPT, LOADING, STALE).acl(AclCategory.PUBSUB)
            .doc("Listen for messages published to channels matching the given patterns", "2.0.0", "O(N) where N is the number of patterns the client is already subscribed to.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ClientConnection c = ctx.client();
        if (ctx.nested() && !c.has(ClientConnection.MULTI)) {
            throw new RedisError("ERR PSUBSCRIBE isn't allowed for a DENY BLOCKING client");
        }
        PubSub ps = ctx.server().pubsub();
        for (int i = 1; i < argv.size(); i++) ps.psubscribe(c, argv.get(i));
    }
}
