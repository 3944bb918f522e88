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
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;

/** {@code DECRBY key decrement}. */
final class DecrByCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("decrby", "string").arity(3).flags(WRITE, DENYOOM, FAST)
            .acl(AclCategory.STRING).key(KeySpec.single(1, KeySpec.RW | KeySpec.ACCESS | KeySpec.UPDATE))
            .doc("Decrement the integer value of a key by the given number", "1.0.0", "O(1)").build();
    private static final RedisError DECREMENT_OVERFLOW = Errors.err("decrement would overflow");

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        long decr = argv.longArg(2);
        if (decr == Long.MIN_VALUE) throw DECREMENT_OVERFLOW; // its negation would overflow
        IncrByCommand.incrDecr(ctx, argv.get(1), -decr);
    }
}
