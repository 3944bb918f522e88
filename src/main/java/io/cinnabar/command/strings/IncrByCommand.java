package io.cinnabar.command.strings;

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
import io.cinnabar.store.KeyEntry;
import io.cinnabar.util.Numbers;

/** {@code INCRBY key increment}; also the shared body of INCR, DECR and DECRBY (incrDecrCommand). */
final class IncrByCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("incrby", "string").arity(3).flags(WRITE, DENYOOM, FAST)
            .acl(AclCategory.STRING).key(KeySpec.single(1, KeySpec.RW | KeySpec.ACCESS | KeySpec.UPDATE))
            .doc("Increment the integer value of a key by the given amount", "1.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        incrDecr(ctx, argv.get(1), argv.longArg(2));
    }

    /** Adds incr to the integer at key (0 when missing), keeping its TTL; replies with the new value. */
    static void incrDecr(Ctx ctx, byte[] key, long incr) {
        KeyEntry e = Strings.writeEntry(ctx, key);
        long old = e == null ? 0 : Strings.toLong(e.value());
        if ((incr < 0 && old < 0 && incr < Long.MIN_VALUE - old)
                || (incr > 0 && old > 0 && incr > Long.MAX_VALUE - old)) {
            throw Errors.OVERFLOW;
        }
        long value = old + incr;
        byte[] digits = Numbers.longToBytes(value);
        if (e == null) ctx.db().add(key, digits);
        else e.value(digits);
        ctx.modified(key, StringEvents.INCRBY);
        ctx.out().integer(value);
    }
}
