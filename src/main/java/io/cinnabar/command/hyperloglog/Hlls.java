package io.cinnabar.command.hyperloglog;

import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeyEvent;
import io.cinnabar.command.strings.Strings;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.store.HyperLogLog;
import io.cinnabar.store.KeyEntry;
import io.cinnabar.store.MutableString;
import io.cinnabar.store.StringValues;

/** What the HyperLogLog commands share: lookups with isHLLObjectOrReply's checks, errors, the event. */
final class Hlls {
    private Hlls() {}

    static final RedisError INVALID = new RedisError("INVALIDOBJ Corrupted HLL object detected");
    static final RedisError NOT_HLL = new RedisError("WRONGTYPE Key is not a valid HyperLogLog string value.");
    /** PFADD and PFMERGE both send "pfadd" (a merge is a mass add, as Redis says). */
    static final KeyEvent PFADD = new KeyEvent("pfadd", KeyEvent.STRING);

    /** Throws unless the value is a string holding a well-formed HLL header. */
    static void check(Object v) {
        if (!Strings.isString(v)) throw Errors.WRONGTYPE;
        if (!HyperLogLog.isValid(StringValues.backing(v), StringValues.length(v))) throw NOT_HLL;
    }

    /** lookupKeyWrite + checks + dbUnshareStringValue: the HLL at key ready for in-place change, or null. */
    static MutableString forWrite(Ctx ctx, byte[] key) {
        KeyEntry e = ctx.db().lookup(key);
        if (e == null) return null;
        check(e.value());
        return Strings.unshare(e);
    }

    /** Creates an empty (sparse) HLL at key, known to be absent. */
    static MutableString create(Ctx ctx, byte[] key) {
        MutableString s = new MutableString(HyperLogLog.create(), 32);
        ctx.db().add(key, s);
        return s;
    }

    static long sparseMaxBytes(Ctx ctx) {
        return ctx.server().config().getLong("hll-sparse-max-bytes");
    }

    /** Merges the HLLs at keys[from..] into raw registers (missing keys count as empty). */
    static boolean mergeInto(Ctx ctx, byte[] max, io.cinnabar.resp.Argv argv, int from, boolean[] anyDense) {
        for (int j = from; j < argv.size(); j++) {
            Object v = Strings.lookupRead(ctx, argv.get(j));
            if (v == null) continue;
            check(v);
            byte[] b = StringValues.backing(v);
            if (HyperLogLog.encoding(b) == HyperLogLog.DENSE && anyDense != null) anyDense[0] = true;
            if (!HyperLogLog.merge(max, b, StringValues.length(v))) return false;
        }
        return true;
    }
}
