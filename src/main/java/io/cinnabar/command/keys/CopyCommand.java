package io.cinnabar.command.keys;

import static io.cinnabar.command.CommandFlag.DENYOOM;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeyEvent;
import io.cinnabar.command.KeySpec;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.Database;
import io.cinnabar.store.KeyEntry;
import io.cinnabar.store.MutableString;
import io.cinnabar.store.TypedValue;
import java.util.Arrays;

/** {@code COPY source destination [DB destination-db] [REPLACE]}: a deep copy, TTL included. */
final class CopyCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("copy", "generic").arity(-3).flags(WRITE, DENYOOM)
            .acl(AclCategory.KEYSPACE)
            .key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .key(KeySpec.single(2, KeySpec.OW | KeySpec.UPDATE))
            .doc("Copy a key", "6.2.0",
                    "O(N) worst case for collections, where N is the number of nested items. O(1) for string values.")
            .build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        int srcId = ctx.dbIndex();
        int dstId = srcId;
        boolean replace = false;
        for (int j = 3; j < argv.size(); j++) {
            if (argv.is(j, "replace")) {
                replace = true;
            } else if (argv.is(j, "db") && j + 1 < argv.size()) {
                dstId = Renames.dbIndex(ctx, argv.get(++j));
            } else {
                throw Errors.SYNTAX;
            }
        }
        byte[] key = argv.get(1);
        byte[] newKey = argv.get(2);
        if (srcId == dstId && Arrays.equals(key, newKey)) throw Errors.SAME_OBJECT;
        Database src = ctx.db();
        Database dst = ctx.server().db(dstId);
        KeyEntry e = src.lookup(key);
        if (e == null) {
            ctx.out().integer(0);
            return;
        }
        long expireAt = e.expireAt();
        KeyEntry old = dst.lookup(newKey);
        if (old != null) {
            if (!replace) {
                ctx.out().integer(0);
                return;
            }
            dst.removeEntry(old);
        }
        KeyEntry copy = dst.add(newKey, duplicate(e.value()));
        if (expireAt != 0) dst.setExpire(copy, expireAt);
        ctx.signalModified(dstId, newKey);
        ctx.notify(KeyEvent.COPY_TO, newKey, dstId);
        ctx.dirty(1);
        ctx.out().integer(1);
    }

    /** byte[] string values are never mutated in place, so they are shared; the rest is copied. */
    private static Object duplicate(Object v) {
        if (v instanceof byte[]) return v;
        if (v instanceof MutableString m) return new MutableString(m.toBytes(), 0);
        return ((TypedValue) v).copy();
    }
}
