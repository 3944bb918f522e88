package io.cinnabar.command.hashes;

import static io.cinnabar.command.CommandFlag.DENYOOM;
import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.HashValue;
import io.cinnabar.util.Numbers;

/** {@code HINCRBY key field increment}. */
final class HIncrByCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("hincrby", "hash").arity(4).flags(WRITE, DENYOOM, FAST)
            .acl(AclCategory.HASH)
            .key(KeySpec.single(1, KeySpec.RW | KeySpec.ACCESS | KeySpec.UPDATE))
            .doc("Increment the integer value of a hash field by the given number", "2.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    private static final io.cinnabar.error.RedisError NOT_INT = Errors.err("hash value is not an integer");

    @Override public void execute(Ctx ctx, Argv argv) {
        long incr = argv.longArg(3);
        byte[] key = argv.get(1);
        HashValue h = Hashes.getOrCreate(ctx, key);
        byte[] old = h.get(argv.get(2));
        long value = old == null ? 0 : Numbers.parseLong(old, NOT_INT);
        if ((incr < 0 && value < 0 && incr < Long.MIN_VALUE - value)
                || (incr > 0 && value > 0 && incr > Long.MAX_VALUE - value)) {
            throw Errors.OVERFLOW;
        }
        value += incr;
        h.set(argv.get(2), Numbers.longToBytes(value), Hashes.maxEntries(ctx), Hashes.maxValue(ctx));
        ctx.modified(key, Hashes.HINCRBY);
        ctx.out().integer(value);
    }
}
