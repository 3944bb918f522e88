package io.cinnabar.command.pubsub;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.MAY_REPLICATE;
import static io.cinnabar.command.CommandFlag.PUBSUB;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.pubsub.PubSub;
import io.cinnabar.resp.Argv;

/** {@code SPUBLISH shardchannel message}: PUBLISH for shard channels. */
final class SpublishCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("spublish", "pubsub").arity(3)
            .flags(PUBSUB, LOADING, STALE, FAST, MAY_REPLICATE).acl(AclCategory.PUBSUB)
            .key(KeySpec.single(1, KeySpec.NOT_KEY))
            .doc("Post a message to a shard channel", "7.0.0", "O(N) where N is the number of clients subscribed to the receiving shard channel.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        PubSub ps = ctx.server().pubsub();
        int receivers = ps.publish(argv.get(1), argv.get(2), true);
        ctx.server().propagator().propagateToReplicasOnly(ctx.client().db, argv.toArray());
        ctx.preventPropagation();
        ctx.out().integer(receivers);
    }
}
