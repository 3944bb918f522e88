package io.cinnabar.command.hashes;

import static io.cinnabar.command.CommandFlag.DENYOOM;
import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.HashValue;

/** {@code HSETNX key field value}. */
final class HSetNxCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("hsetnx", "hash").arity(4).flags(WRITE, DENYOOM, FAST)
            .acl(AclCategory.HASH)
            .key(KeySpec.single(1, KeySpec.RW | KeySpec.INSERT))
            .doc("Set the value of a hash field, only if the field does not exist", "2.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        byte[] key = argv.get(1);
        HashValue h = Hashes.getOrCreate(ctx, key);
        if (h.contains(argv.get(2))) {
            ctx.out().integer(0);
            return;
        }
        long maxValue = Hashes.maxValue(ctx);
        h.convertIfLonger(argv.get(2), maxValue);
        h.convertIfLonger(argv.get(3), maxValue);
        h.set(argv.get(2), argv.get(3), Hashes.maxEntries(ctx), Hashes.maxValue(ctx));
        ctx.modified(key, Hashes.HSET);
        ctx.out().integer(1);
    }
}
