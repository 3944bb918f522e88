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
import io.cinnabar.store.MutableString;
import io.cinnabar.store.StringValues;

/** {@code APPEND key value}: a new key stores the argument as is; an existing one grows in place. */
final class AppendCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("append", "string").arity(3).flags(WRITE, DENYOOM, FAST)
            .acl(AclCategory.STRING).key(KeySpec.single(1, KeySpec.RW | KeySpec.INSERT))
            .doc("Append a value to a key", "2.0.0", "O(1). The amortized time complexity is O(1) assuming the "
                    + "appended value is small and the already present value is of any size, since the dynamic "
                    + "string library used by Redis will double the free space available on every reallocation.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        byte[] key = argv.get(1);
        byte[] tail = argv.get(2);
        KeyEntry e = Strings.writeEntry(ctx, key);
        long len;
        if (e == null) {
            ctx.db().add(key, tail);
            len = tail.length;
        } else {
            Strings.checkLength(ctx, StringValues.length(e.value()), tail.length);
            MutableString m = Strings.unshare(e);
            m.append(tail);
            len = m.length();
        }
        ctx.modified(key, StringEvents.APPEND);
        ctx.out().integer(len);
    }
}
