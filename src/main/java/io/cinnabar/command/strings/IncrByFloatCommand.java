package io.cinnabar.command.strings;

import static io.cinnabar.command.CommandFlag.DENYOOM;
import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.KeyEntry;
import io.cinnabar.store.StringValues;
import io.cinnabar.util.LongDouble;
import java.nio.charset.StandardCharsets;

/**
 * {@code INCRBYFLOAT key increment}: long double arithmetic and formatting as Redis on x86-64
 * ({@link LongDouble}); propagated as {@code SET key <result> KEEPTTL}.
 */
final class IncrByFloatCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("incrbyfloat", "string").arity(3)
            .flags(WRITE, DENYOOM, FAST).acl(AclCategory.STRING)
            .key(KeySpec.single(1, KeySpec.RW | KeySpec.ACCESS | KeySpec.UPDATE))
            .doc("Increment the float value of a key by the given amount", "2.6.0", "O(1)").build();
    private static final byte[] SET = "SET".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEEPTTL = "KEEPTTL".getBytes(StandardCharsets.US_ASCII);

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        byte[] key = argv.get(1);
        KeyEntry e = Strings.writeEntry(ctx, key);
        byte[] result = LongDouble.incrBy(e == null ? null : StringValues.bytes(e.value()), argv.get(2));
        if (e == null) ctx.db().add(key, result);
        else e.value(result);
        ctx.modified(key, StringEvents.INCRBYFLOAT);
        ctx.out().bulk(result);
        ctx.propagateAs(SET, key, result, KEEPTTL);
    }
}
