package io.cinnabar.command.pubsub;

import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.PUBSUB;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.error.RedisError;
import io.cinnabar.pubsub.PubSub;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.ClientConnection;

/** {@code SSUBSCRIBE shardchannel [shardchannel ...]}: subscribes to shard channels (never inside MULTI or scripts). */
final class SsubscribeCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("ssubscribe", "pubsub").arity(-2)
            .flags(PUBSUB, NOSCRIPT, LOADING, STALE).acl(AclCategory.PUBSUB)
            .key(KeySpec.range(1, -1, 1, KeySpec.NOT_KEY))
            .doc("Listen for messages published to the given shard channels", "7.0.0", "O(N) where N is the number of shard channels to subscribe to.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ClientConnection c = ctx.client();
        if (ctx.nested()) throw new RedisError("ERR SSUBSCRIBE isn't allowed for a DENY BLOCKING client");
        PubSub ps = ctx.server().pubsub();
        for (int i = 1; i < argv.size(); i++) ps.subscribe(c, argv.get(i), true);
    }
}
