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

/** {@code TOUCH key [key ...]}: updates the access time of the keys that exist; replies their count. */
final class TouchCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("touch", "generic").arity(-2).flags(READONLY, FAST)
            .acl(AclCategory.KEYSPACE).key(KeySpec.range(1, -1, 1, KeySpec.RO))
            .doc("Alters the last access time of a key(s). Returns the number of existing keys specified.", "3.2.1",
                    "O(N) where N is the number of keys that will be touched.")
            .tips("request_policy:multi_shard", "response_policy:agg_sum").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Database db = ctx.db();
        long n = 0;
        for (int i = 1; i < argv.size(); i++) {
            if (db.lookup(argv.get(i)) != null) n++;
        }
        ctx.out().integer(n);
    }
}
