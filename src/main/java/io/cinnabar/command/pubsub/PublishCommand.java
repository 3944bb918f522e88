package io.cinnabar.command.pubsub;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.MAY_REPLICATE;
import static io.cinnabar.command.CommandFlag.PUBSUB;
import static io.cinnabar.command.CommandFlag.SENTINEL;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.pubsub.PubSub;
import io.cinnabar.resp.Argv;

/** {@code PUBLISH channel message}: replies the number of clients that received it; propagated to replicas. */
final class PublishCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("publish", "pubsub").arity(3)
            .flags(PUBSUB, LOADING, STALE, FAST, MAY_REPLICATE, SENTINEL).acl(AclCategory.PUBSUB)
            .doc("Post a message to a channel", "2.0.0", "O(N+M) where N is the number of clients subscribed to the receiving channel and M is the total number of subscribed patterns (by any client).").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        PubSub ps = ctx.server().pubsub();
        int receivers = ps.publish(argv.get(1), argv.get(2), false);
        // forceCommandPropagation(REPL): replicas forward it to their subscribers, the AOF does not keep it
        ctx.server().propagator().propagateToReplicasOnly(ctx.client().db, argv.toArray());
        ctx.preventPropagation();
        ctx.out().integer(receivers);
    }
}
