package io.cinnabar.command.keys;

import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.store.Database;
import io.cinnabar.util.Glob;

/** {@code KEYS pattern}: logically expired keys are skipped, not deleted (as Redis). */
final class KeysCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("keys", "generic").arity(2).flags(READONLY)
            .acl(AclCategory.KEYSPACE, AclCategory.DANGEROUS).doc("Find all keys matching the given pattern", "1.0.0",
                    "O(N) with N being the number of keys in the database, under the assumption that the key names "
                    + "in the database and the given pattern have limited length.")
            .tips("request_policy:all_shards", "nondeterministic_output_order").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        byte[] pattern = argv.get(1);
        boolean all = Glob.matchesAll(pattern);
        Database db = ctx.db();
        RespOut out = ctx.out();
        int token = out.deferred();
        long[] n = new long[1];
        db.keys().forEach(e -> {
            if ((all || Glob.match(pattern, e.key(), false)) && !db.isExpired(e)) {
                out.bulk(e.key());
                n[0]++;
            }
        });
        out.setDeferredArray(token, n[0]);
    }
}
