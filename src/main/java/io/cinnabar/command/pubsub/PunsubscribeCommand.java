package io.cinnabar.command.pubsub;

import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.PUBSUB;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.pubsub.PubSub;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.ClientConnection;

/** {@code PUNSUBSCRIBE [pattern [pattern ...]]}: without arguments, from every pattern. */
final class PunsubscribeCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("punsubscribe", "pubsub").arity(-1)
            .flags(PUBSUB, NOSCRIPT, LOADING, STALE).acl(AclCategory.PUBSUB)
            .doc("Stop listening for messages posted to channels matching the given patterns", "2.0.0", "O(N+M) where N is the number of patterns the client is already subscribed and M is the number of total patterns subscribed in the system (by any client).").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ClientConnection c = ctx.client();
        PubSub ps = ctx.server().pubsub();
        if (argv.size() == 1) ps.punsubscribeAll(c, true);
        for (int i = 1; i < argv.size(); i++) ps.punsubscribe(c, argv.get(i), true);
        ps.updateFlag(c);
    }
}
