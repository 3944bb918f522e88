package io.cinnabar.command.replication;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.replication.MasterLink;
import io.cinnabar.replication.ReplicaState;
import io.cinnabar.replication.Replication;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;

/** {@code ROLE}: master with its replicas and their offsets, or replica with its master link state. */
final class RoleCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("role", "server").arity(1)
            .flags(NOSCRIPT, LOADING, STALE, FAST).acl(AclCategory.ADMIN, AclCategory.DANGEROUS)
            .doc("Return the role of the instance in the context of replication", "2.8.12", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Replication repl = ctx.server().replication();
        RespOut out = ctx.out();
        MasterLink link = repl.link();
        if (link == null) {
            out.arrayHeader(3);
            out.bulk("master");
            out.integer(repl.masterOffset());
            int online = 0;
            for (ReplicaState r : repl.replicas()) if (r.online()) online++;
            out.arrayHeader(online);
            for (ReplicaState r : repl.replicas()) {
                if (!r.online()) continue;
                out.arrayHeader(3);
                out.bulk(r.ip());
                out.bulk(Integer.toString(r.listeningPort()));
                out.bulk(Long.toString(r.ackOffset()));
            }
        } else {
            out.arrayHeader(5);
            out.bulk("slave");
            out.bulk(link.host());
            out.integer(link.port());
            out.bulk(link.state());
            out.integer(link.up() ? repl.masterOffset() : -1);
        }
    }
}
