package io.cinnabar.command.keys;

import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.KeyEntry;
import io.cinnabar.store.StringValues;
import io.cinnabar.util.Numbers;

/** {@code OBJECT REFCOUNT key}: 1, or INT_MAX for the small integers Redis shares; null if missing. */
final class ObjectRefcountCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("refcount", "generic").parent("object").arity(3)
            .flags(READONLY).acl(AclCategory.KEYSPACE).key(KeySpec.single(2, KeySpec.RO))
            .doc("Get the number of references to the value of the key", "2.2.3", "O(1)").tips("nondeterministic_output").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        KeyEntry e = ctx.db().peek(argv.get(2));
        if (e == null) {
            ctx.out().nullBulk();
            return;
        }
        ctx.out().integer(shared(ctx, e.value()) ? Integer.MAX_VALUE : 1);
    }

    /** Redis keeps one shared object for each integer 0..9999 unless an LRU/LFU policy with a maxmemory needs per-key access data. */
    private static boolean shared(Ctx ctx, Object v) {
        if (!(v instanceof byte[] b) || !StringValues.encoding(v).equals("int")) return false;
        String policy = ctx.server().config().get("maxmemory-policy");
        if (ctx.server().config().getLong("maxmemory") != 0 && (policy.contains("lru") || policy.contains("lfu"))) {
            return false;
        }
        long n = Numbers.parseLongOr(b, -1);
        return n >= 0 && n < 10000;
    }
}
