package io.cinnabar.command.strings;

import static io.cinnabar.command.CommandFlag.DENYOOM;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.store.KeyEntry;
import io.cinnabar.store.MutableString;

/** {@code SETRANGE key offset value}: zero-pads up to offset; an empty value changes nothing. */
final class SetRangeCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("setrange", "string").arity(4).flags(WRITE, DENYOOM)
            .acl(AclCategory.STRING).key(KeySpec.single(1, KeySpec.RW | KeySpec.UPDATE))
            .doc("Overwrite part of a string at key starting at the specified offset", "2.2.0", "O(1), not counting "
                    + "the time taken to copy the new string in place. Usually, this string is very small so the "
                    + "amortized complexity is O(1). Otherwise, complexity is O(M) with M being the length of the "
                    + "value argument.").build();
    private static final RedisError OUT_OF_RANGE = Errors.err("offset is out of range");

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        long offset = argv.longArg(2);
        if (offset < 0) throw OUT_OF_RANGE;
        byte[] key = argv.get(1);
        byte[] value = argv.get(3);
        KeyEntry e = Strings.writeEntry(ctx, key);
        if (value.length == 0) {
            ctx.out().integer(e == null ? 0 : Strings.length(e.value()));
            return;
        }
        Strings.checkLength(ctx, offset, value.length);
        MutableString m;
        if (e == null) {
            m = new MutableString(new byte[0], (int) offset + value.length);
            ctx.db().add(key, m);
        } else {
            m = Strings.unshare(e);
        }
        m.extendTo((int) offset + value.length);
        System.arraycopy(value, 0, m.buf(), (int) offset, value.length);
        ctx.modified(key, StringEvents.SETRANGE);
        ctx.out().integer(m.length());
    }
}
