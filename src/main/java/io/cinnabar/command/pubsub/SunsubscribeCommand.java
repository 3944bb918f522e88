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
import io.cinnabar.pubsub.PubSub;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.ClientConnection;

/** {@code SUNSUBSCRIBE [shardchannel [shardchannel ...]]}: without arguments, from every shard channel. */
final class SunsubscribeCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("sunsubscribe", "pubsub").arity(-1)
            .flags(PUBSUB, NOSCRIPT, LOADING, STALE).acl(AclCategory.PUBSUB)
            .key(KeySpec.range(1, -1, 1, KeySpec.NOT_KEY))
            .doc("Stop listening for messages posted to the given shard channels", "7.0.0", "O(N) where N is the number of clients already subscribed to a shard channel.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ClientConnection c = ctx.client();
        PubSub ps = ctx.server().pubsub();
        if (argv.size() == 1) ps.unsubscribeAll(c, true, true);
        for (int i = 1; i < argv.size(); i++) ps.unsubscribe(c, argv.get(i), true, true);
        ps.updateFlag(c);
    }
}
