package io.cinnabar.command.keys;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.Database;

/** {@code EXISTS key [key ...]}: a key named twice counts twice; does not touch the access time. */
final class ExistsCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("exists", "generic").arity(-2).flags(READONLY, FAST)
            .acl(AclCategory.KEYSPACE).key(KeySpec.range(1, -1, 1, KeySpec.RO))
            .doc("Determine if a key exists", "1.0.0", "O(N) where N is the number of keys to check.")
            .tips("request_policy:multi_shard", "response_policy:agg_sum").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Database db = ctx.db();
        long n = 0;
        for (int i = 1; i < argv.size(); i++) {
            if (db.peek(argv.get(i)) != null) n++;
        }
        ctx.out().integer(n);
    }
}
