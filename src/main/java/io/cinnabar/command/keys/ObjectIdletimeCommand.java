package io.cinnabar.command.keys;

import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.KeyEntry;
import io.cinnabar.error.RedisError;

/** {@code OBJECT IDLETIME key}: seconds since the last access; an error under an LFU policy; null if missing. */
final class ObjectIdletimeCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("idletime", "generic").parent("object").arity(3)
            .flags(READONLY).acl(AclCategory.KEYSPACE).key(KeySpec.single(2, KeySpec.RO))
            .doc("Get the time since a Redis object was last accessed", "2.2.3", "O(1)").tips("nondeterministic_output").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        KeyEntry e = ctx.db().peek(argv.get(2));
        if (e == null) {
            ctx.out().nullBulk();
            return;
        }
        if (ctx.server().config().get("maxmemory-policy").contains("lfu")) throw LFU_SELECTED;
        ctx.out().integer(ctx.db().idleSeconds(e));
    }

    private static final RedisError LFU_SELECTED = new RedisError("ERR An LFU maxmemory policy is selected, idle time "
            + "not tracked. Please note that when switching between policies at runtime LRU and LFU data will take "
            + "some time to adjust.");
}
