package io.cinnabar.command.strings;

import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.store.KeyEntry;
import io.cinnabar.store.MutableString;
import io.cinnabar.store.StringValues;
import io.cinnabar.util.Numbers;

/** Lookup and reply helpers shared by the string and bitmap commands. */
public final class Strings {
    private Strings() {}

    /** Replies with a string value (either form), or null when absent; counts keyspace hits and misses. */
    public static void reply(Ctx ctx, Object v) {
        if (v == null) {
            ctx.server().stats().keyspaceMisses++;
            ctx.out().nullBulk();
        } else {
            ctx.server().stats().keyspaceHits++;
            bulk(ctx, v);
        }
    }

    /** Writes a string value (either form) as a bulk reply. */
    static void bulk(Ctx ctx, Object v) {
        if (v instanceof byte[] b) {
            ctx.out().bulk(b);
        } else {
            MutableString m = (MutableString) v;
            ctx.out().bulk(m.buf(), 0, m.length());
        }
    }

    public static boolean isString(Object v) {
        return v instanceof byte[] || v instanceof MutableString;
    }

    /** lookupKeyRead: the value of any type or null, counting a keyspace hit or miss. */
    public static Object lookupRead(Ctx ctx, byte[] key) {
        Object v = ctx.db().get(key);
        if (v == null) ctx.server().stats().keyspaceMisses++;
        else ctx.server().stats().keyspaceHits++;
        return v;
    }

    /** lookupKeyRead + checkType: a string value or null; WRONGTYPE for another type. */
    static Object readString(Ctx ctx, byte[] key) {
        Object v = lookupRead(ctx, key);
        if (v != null && !isString(v)) throw Errors.WRONGTYPE;
        return v;
    }

    /** lookupKeyWrite + checkType: the entry of a string key, or null; WRONGTYPE for another type. */
    public static KeyEntry writeEntry(Ctx ctx, byte[] key) {
        KeyEntry e = ctx.db().lookup(key);
        if (e != null && !isString(e.value())) throw Errors.WRONGTYPE;
        return e;
    }

    /** dbUnshareStringValue: the entry's value as a MutableString that may be changed in place. */
    public static MutableString unshare(KeyEntry e) {
        if (e.value() instanceof MutableString m) return m;
        MutableString m = new MutableString((byte[]) e.value(), 0);
        e.value(m);
        return m;
    }

    /** checkStringLength: refuses a string longer than proto-max-bulk-len (or than a Java array can hold). */
    static void checkLength(Ctx ctx, long size, long append) {
        long total = size + append;
        long max = Math.min(ctx.server().config().getLong("proto-max-bulk-len"), Integer.MAX_VALUE - 16);
        if (total > max || total < size || total < append) throw Errors.STRING_TOO_LONG;
    }

    /** getLongLongFromObject on a string value: NOT_INTEGER unless it is exactly a long. */
    static long toLong(Object v) {
        if (v == null) return 0;
        if (v instanceof byte[] b) return Numbers.parseLong(b, Errors.NOT_INTEGER);
        MutableString m = (MutableString) v;
        if (m.length() > 20) throw Errors.NOT_INTEGER;
        return Numbers.parseLong(m.toBytes(), Errors.NOT_INTEGER);
    }

    static int length(Object v) {
        return v == null ? 0 : StringValues.length(v);
    }
}
