package io.cinnabar.command.server;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;

/** {@code DBSIZE}. */
final class DbsizeCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("dbsize", "server").arity(1).flags(READONLY, FAST).acl(AclCategory.KEYSPACE)
            .tips("request_policy:all_shards", "response_policy:agg_sum")
            .doc("Return the number of keys in the selected database", "1.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ctx.out().integer(ctx.db().size());
    }
}
