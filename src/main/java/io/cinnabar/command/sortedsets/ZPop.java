package io.cinnabar.command.sortedsets;

import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.store.SortedSetValue;
import io.cinnabar.util.Numbers;
import java.nio.charset.StandardCharsets;

/** genericZpopCommand: ZPOPMIN/ZPOPMAX, ZMPOP and the served blocking pops. */
final class ZPop {
    private ZPop() {}

    static final RedisError NOT_POSITIVE = new RedisError("ERR value is out of range, must be positive");
    static final RedisError NUMKEYS = new RedisError("ERR numkeys should be greater than 0");
    static final RedisError COUNT = new RedisError("ERR count should be greater than 0");
    static final byte[] ZPOPMIN = "ZPOPMIN".getBytes(StandardCharsets.US_ASCII);
    static final byte[] ZPOPMAX = "ZPOPMAX".getBytes(StandardCharsets.US_ASCII);

    /** Reply shapes, as Redis' (use_nested_array, emitkey) pairs. */
    static final int FLAT = 0, NESTED_IF_COUNT = 1, WITH_KEY_FLAT = 2, WITH_KEY_NESTED = 3;

    /**
     * Pops up to count (-1: one, plain) elements from the first non-empty set among keys; replies
     * in the given shape, or with a null/empty array when all are empty. Returns the key popped
     * from (null if none) and rewrites the propagation to ZPOPMIN/ZPOPMAX when {@code rewrite}.
     */
    static byte[] pop(Ctx ctx, byte[][] keys, boolean max, long count, int shape, boolean nilWhenEmpty, boolean rewrite) {
        byte[] key = null;
        SortedSetValue z = null;
        for (byte[] k : keys) {
            z = ZSets.get(ctx, k);
            if (z != null) {
                key = k;
                break;
            }
        }
        RespOut out = ctx.out();
        if (z == null) {
            if (nilWhenEmpty) out.nullArray();
            else out.emptyArray();
            return null;
        }
        if (count == 0) {
            out.emptyArray();
            return null;
        }
        boolean plain = count == -1;
        if (plain) count = 1;
        int llen = z.length();
        int n = (int) Math.min(count, llen);
        boolean nested;
        switch (shape) {
            case FLAT:
                out.arrayHeader(n * 2L);
                nested = false;
                break;
            case NESTED_IF_COUNT:
                if (plain) out.arrayHeader(n * 2L);
                else out.pairArrayHeader(n, true);
                nested = !plain;
                break;
            case WITH_KEY_FLAT:
                out.arrayHeader(n * 2L + 1);
                out.bulk(key);
                nested = false;
                break;
            default:
                out.arrayHeader(2);
                out.bulk(key);
                out.arrayHeader(n);
                nested = false;
        }
        boolean pairs = nested, explicitPairs = shape == WITH_KEY_NESTED;
        int from = max ? llen - n : 0, to = max ? llen - 1 : n - 1;
        z.forRange(from, to, max, (m, s) -> {
            if (explicitPairs) out.arrayHeader(2);
            else if (pairs) out.pairHeader();
            out.bulk(m);
            out.doubleValue(s);
        });
        z.removeRange(from, to);
        ctx.modified(key, max ? ZSets.ZPOPMAX : ZSets.ZPOPMIN);
        ctx.dirty(n - 1);
        ZSets.deleteIfEmpty(ctx, key, z);
        if (rewrite) {
            if (plain) ctx.propagateAs(max ? ZPOPMAX : ZPOPMIN, key);
            else ctx.propagateAs(max ? ZPOPMAX : ZPOPMIN, key, Numbers.longToBytes(n));
        }
        return key;
    }

    /**
     * The blocking pops (blockingGenericZpopCommand): pops from the key that became ready when
     * re-run by the blocking framework, else from the first non-empty key, else blocks (or
     * answers a null array where blocking is not allowed). Served pops propagate as ZPOPMIN/ZPOPMAX.
     */
    static void blockingPop(Ctx ctx, byte[][] keys, boolean max, long count, long timeoutAt) {
        int shape = count == -1 ? WITH_KEY_FLAT : WITH_KEY_NESTED;
        byte[] served = ctx.servedKey();
        if (served != null) {
            for (byte[] k : keys) {
                if (java.util.Arrays.equals(k, served)) {
                    if (ZSets.get(ctx, k) != null) {
                        pop(ctx, new byte[][] {k}, max, count, shape, true, true);
                        return;
                    }
                    break;
                }
            }
        }
        for (byte[] k : keys) {
            if (ZSets.get(ctx, k) != null) {
                pop(ctx, new byte[][] {k}, max, count, shape, true, true);
                return;
            }
        }
        if (!ctx.mayBlock()) {
            ctx.out().nullArray();
            return;
        }
        ctx.blockOnKeys(keys, timeoutAt);
    }

    /** Keys argv[from, from+n). */
    static byte[][] keys(Argv argv, int from, int n) {
        byte[][] k = new byte[n][];
        for (int i = 0; i < n; i++) k[i] = argv.get(from + i);
        return k;
    }

    /** zmpopGenericCommand's parsing: numkeys at numkeysIdx, then keys, MIN|MAX, [COUNT n]. */
    record MPop(byte[][] keys, boolean max, long count) {}

    static MPop parseMPop(Argv argv, int numkeysIdx) {
        long numkeys = Numbers.parseLongOr(argv.get(numkeysIdx), Long.MIN_VALUE);
        if (numkeys < 1) throw NUMKEYS;
        long whereIdx = numkeysIdx + numkeys + 1;
        if (whereIdx >= argv.size()) throw Errors.SYNTAX;
        boolean max;
        if (argv.is((int) whereIdx, "min")) max = false;
        else if (argv.is((int) whereIdx, "max")) max = true;
        else throw Errors.SYNTAX;
        long count = -1;
        for (int j = (int) whereIdx + 1; j < argv.size(); j++) {
            int more = argv.size() - 1 - j;
            if (count == -1 && argv.is(j, "count") && more > 0) {
                j++;
                count = Numbers.parseLongOr(argv.get(j), 0);
                if (count < 1) throw COUNT;
            } else {
                throw Errors.SYNTAX;
            }
        }
        if (count == -1) count = 1;
        return new MPop(keys(argv, numkeysIdx + 1, (int) numkeys), max, count);
    }
}
