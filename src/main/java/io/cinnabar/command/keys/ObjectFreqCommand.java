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

/** {@code OBJECT FREQ key}: the logarithmic access frequency counter; an error unless an LFU policy is set; null if missing. */
final class ObjectFreqCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("freq", "generic").parent("object").arity(3)
            .flags(READONLY).acl(AclCategory.KEYSPACE).key(KeySpec.single(2, KeySpec.RO))
            .doc("Get the logarithmic access frequency counter of a Redis object", "4.0.0", "O(1)").tips("nondeterministic_output").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        KeyEntry e = ctx.db().peek(argv.get(2));
        if (e == null) {
            ctx.out().nullBulk();
            return;
        }
        if (!ctx.server().config().get("maxmemory-policy").contains("lfu")) throw LFU_NOT_SELECTED;
        ctx.out().integer(ctx.db().lfuCounter(e));
    }

    private static final RedisError LFU_NOT_SELECTED = new RedisError("ERR An LFU maxmemory policy is not selected, "
            + "access frequency not tracked. Please note that when switching between policies at runtime LRU and LFU "
            + "data will take some time to adjust.");
}
