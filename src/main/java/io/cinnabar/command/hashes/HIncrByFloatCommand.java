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
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.HashValue;
import io.cinnabar.util.LongDouble;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/** {@code HINCRBYFLOAT key field increment}: long double arithmetic; propagated as HSET with the result. */
final class HIncrByFloatCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("hincrbyfloat", "hash").arity(4).flags(WRITE, DENYOOM, FAST)
            .acl(AclCategory.HASH)
            .key(KeySpec.single(1, KeySpec.RW | KeySpec.ACCESS | KeySpec.UPDATE))
            .doc("Increment the float value of a hash field by the given amount", "2.6.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    private static final RedisError NOT_FLOAT = Errors.err("hash value is not a float");
    private static final RedisError INCR_NAN = Errors.err("value is NaN or Infinity");
    private static final byte[] HSET = {'H', 'S', 'E', 'T'};

    @Override public void execute(Ctx ctx, Argv argv) {
        BigDecimal incr = LongDouble.parse(argv.get(3));
        if (incr == null) throw INCR_NAN;
        byte[] key = argv.get(1);
        byte[] field = argv.get(2);
        HashValue h = Hashes.getOrCreate(ctx, key);
        byte[] old = h.get(field);
        BigDecimal value = BigDecimal.ZERO;
        if (old != null) {
            try {
                value = LongDouble.parse(old);
            } catch (RedisError e) {
                throw NOT_FLOAT;
            }
            if (value == null) throw Errors.NAN_OR_INF;
        }
        BigDecimal sum = LongDouble.round(value.add(incr));
        if (sum == null) throw Errors.NAN_OR_INF;
        byte[] result = LongDouble.format(sum).getBytes(StandardCharsets.US_ASCII);
        h.set(field, result, Hashes.maxEntries(ctx), Hashes.maxValue(ctx));
        ctx.modified(key, Hashes.HINCRBYFLOAT);
        ctx.propagateAs(HSET, key, field, result);
        ctx.out().bulk(result);
    }
}
