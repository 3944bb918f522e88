package io.cinnabar.command.sort;

import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeyEvent;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.server.ClientConnection;
import io.cinnabar.store.Database;
import io.cinnabar.store.HashValue;
import io.cinnabar.store.ListValue;
import io.cinnabar.store.SetValue;
import io.cinnabar.store.SortedSetValue;
import io.cinnabar.store.StringValues;
import io.cinnabar.store.ValueType;
import io.cinnabar.util.Numbers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * SORT and SORT_RO (Redis' sortCommandGeneric): options, the element vector of a list, set or
 * sorted set, weights from BY patterns, the comparison (numeric with ties broken by the element,
 * or binary ALPHA), LIMIT, GET patterns ({@code #}, {@code key*}, {@code key*->field}) and STORE.
 */
final class Sorter {
    private Sorter() {}

    static final KeyEvent SORTSTORE = new KeyEvent("sortstore", KeyEvent.LIST);
    private static final RedisError NOT_DOUBLE = Errors.err("One or more scores can't be converted into double");

    /** One element to sort with its weight. */
    private static final class Item {
        final byte[] obj;
        double score;
        byte[] cmp;

        Item(byte[] obj) {
            this.obj = obj;
        }
    }

    private static final io.cinnabar.error.RedisError BY_DENIED =
            Errors.err("BY option of SORT denied due to insufficient ACL permissions.");
    private static final io.cinnabar.error.RedisError GET_DENIED =
            Errors.err("GET option of SORT denied due to insufficient ACL permissions.");

    /** BY and GET patterns may name any key: the user needs read access to all keys (ACLs). */
    private static boolean fullKeyAccess(Ctx ctx, Argv argv) {
        io.cinnabar.acl.Acl acl = io.cinnabar.acl.Acl.of(ctx.server());
        return acl == null || acl.mayAccessAllKeys(ctx.client(), ctx.command(), argv, io.cinnabar.command.KeySpec.ACCESS);
    }

    static void sort(Ctx ctx, Argv argv, boolean readonly) {
        boolean desc = false, alpha = false, dontsort = false;
        long limitStart = 0, limitCount = -1;
        byte[] sortBy = null, storeKey = null;
        List<byte[]> gets = new ArrayList<>();
        for (int j = 2; j < argv.size(); j++) {
            int left = argv.size() - j - 1;
            if (argv.is(j, "asc")) {
                desc = false;
            } else if (argv.is(j, "desc")) {
                desc = true;
            } else if (argv.is(j, "alpha")) {
                alpha = true;
            } else if (argv.is(j, "limit") && left >= 2) {
                limitStart = argv.longArg(j + 1);
                limitCount = argv.longArg(j + 2);
                j += 2;
            } else if (!readonly && argv.is(j, "store") && left >= 1) {
                storeKey = argv.get(++j);
            } else if (argv.is(j, "by") && left >= 1) {
                sortBy = argv.get(++j);
                // a BY pattern without '*' is constant: nothing to sort by
                if (indexOf(sortBy, (byte) '*', 0) < 0) dontsort = true;
                else if (!fullKeyAccess(ctx, argv)) throw BY_DENIED;
            } else if (argv.is(j, "get") && left >= 1) {
                if (!fullKeyAccess(ctx, argv)) throw GET_DENIED;
                gets.add(argv.get(++j));
            } else {
                throw Errors.SYNTAX;
            }
        }
        Database db = ctx.db();
        Object sortval = db.get(argv.get(1));
        if (sortval != null && !(sortval instanceof ListValue) && !(sortval instanceof SetValue)
                && !(sortval instanceof SortedSetValue)) {
            throw Errors.WRONGTYPE;
        }
        // an unordered set must come out the same on replicas and in scripts
        if (dontsort && sortval instanceof SetValue && (storeKey != null || ctx.client().has(ClientConnection.LUA))) {
            dontsort = false;
            alpha = true;
            sortBy = null;
        }
        if (sortval instanceof SortedSetValue z) z.convertToSkiplist(); // as Redis' zsetConvert before sorting
        int len = sortval == null ? 0 : (int) ((io.cinnabar.store.TypedValue) sortval).size();
        long start = Math.min(Math.max(limitStart, 0), len);
        long count = Math.min(Math.max(limitCount, -1), len);
        long end = count < 0 ? len - 1 : start + count - 1;
        if (start >= len) {
            start = len - 1;
            end = len - 2;
        }
        if (end >= len) end = len - 1;
        boolean ranged = (sortval instanceof ListValue || sortval instanceof SortedSetValue) && dontsort;
        int vectorLen = ranged && (start != 0 || end != len - 1) ? (int) (end - start + 1) : len;
        Item[] vector = new Item[Math.max(vectorLen, 0)];
        int[] n = {0};
        if (ranged && sortval instanceof ListValue l) {
            if (end >= start) {
                for (int k = 0; k < vectorLen && k < len; k++) {
                    int idx = desc ? (int) (len - start - 1 - k) : (int) (start + k);
                    if (idx < 0 || idx >= len) break;
                    vector[n[0]++] = new Item(l.get(idx));
                }
                end -= start;
                start = 0;
            }
        } else if (sortval instanceof ListValue l) {
            l.forEach(e -> vector[n[0]++] = new Item(e));
        } else if (sortval instanceof SetValue s) {
            s.forEach(e -> vector[n[0]++] = new Item(e));
        } else if (ranged && sortval instanceof SortedSetValue z) {
            if (vectorLen > 0) {
                int from = desc ? (int) (len - start - vectorLen) : (int) start;
                z.forRange(from, from + vectorLen - 1, desc, (m, sc) -> vector[n[0]++] = new Item(m));
            }
            end -= start;
            start = 0;
        } else if (sortval instanceof SortedSetValue z) {
            z.forEach((m, sc) -> vector[n[0]++] = new Item(m));
        }
        boolean conversionError = false;
        if (!dontsort) {
            for (Item it : vector) {
                byte[] byval = sortBy != null ? lookupByPattern(db, sortBy, it.obj) : it.obj;
                if (byval == null) continue;
                if (alpha) {
                    if (sortBy != null) it.cmp = byval;
                } else {
                    double d = strtod(byval);
                    if (Double.isNaN(d)) conversionError = true;
                    else it.score = d;
                }
            }
            Arrays.sort(vector, comparator(alpha, sortBy != null, desc));
        }
        long outputLen = gets.isEmpty() ? end - start + 1 : gets.size() * (end - start + 1);
        if (conversionError) throw NOT_DOUBLE;
        if (storeKey == null) {
            RespOut out = ctx.out();
            out.arrayHeader(outputLen);
            for (long j = start; j <= end; j++) {
                if (gets.isEmpty()) out.bulk(vector[(int) j].obj);
                for (byte[] g : gets) out.bulk(lookupByPattern(db, g, vector[(int) j].obj));
            }
            return;
        }
        ListValue result = new ListValue();
        for (long j = start; j <= end; j++) {
            if (gets.isEmpty()) result.pushTail(vector[(int) j].obj);
            for (byte[] g : gets) {
                byte[] v = lookupByPattern(db, g, vector[(int) j].obj);
                result.pushTail(v == null ? new byte[0] : v);
            }
        }
        if (outputLen > 0) {
            db.set(storeKey, result);
            ctx.modified(storeKey, SORTSTORE);
            ctx.dirty(outputLen - 1);
        } else if (db.delete(storeKey)) {
            ctx.modified(storeKey, KeyEvent.DEL);
        }
        ctx.out().integer(outputLen);
    }

    /** sortCompare. */
    private static Comparator<Item> comparator(boolean alpha, boolean byPattern, boolean desc) {
        Comparator<Item> c;
        if (!alpha) {
            c = (a, b) -> {
                int r = Double.compare(a.score, b.score);
                if (a.score == b.score) r = 0; // -0.0 == 0.0 as in C
                return r != 0 ? r : Arrays.compareUnsigned(a.obj, b.obj);
            };
        } else if (byPattern) {
            c = (a, b) -> {
                if (a.cmp == null || b.cmp == null) return a.cmp == b.cmp ? 0 : a.cmp == null ? -1 : 1;
                return Arrays.compareUnsigned(a.cmp, b.cmp);
            };
        } else {
            c = (a, b) -> Arrays.compareUnsigned(a.obj, b.obj);
        }
        return desc ? c.reversed() : c;
    }

    /**
     * lookupKeyByPattern: "#" is the element itself; otherwise the first '*' is replaced by the
     * element and the key's string value (or, with "->field", the hash field) is returned.
     */
    static byte[] lookupByPattern(Database db, byte[] pattern, byte[] subst) {
        if (pattern.length == 1 && pattern[0] == '#') return subst;
        int star = indexOf(pattern, (byte) '*', 0);
        if (star < 0) return null;
        int arrow = -1;
        for (int i = star + 1; i + 1 < pattern.length; i++) {
            if (pattern[i] == '-' && pattern[i + 1] == '>') {
                arrow = i;
                break;
            }
        }
        int fieldLen = arrow >= 0 && arrow + 2 < pattern.length ? pattern.length - arrow - 2 : 0;
        int postfix = pattern.length - star - 1 - (fieldLen > 0 ? fieldLen + 2 : 0);
        byte[] key = new byte[star + subst.length + postfix];
        System.arraycopy(pattern, 0, key, 0, star);
        System.arraycopy(subst, 0, key, star, subst.length);
        System.arraycopy(pattern, star + 1, key, star + subst.length, postfix);
        Object o = db.get(key);
        if (o == null) return null;
        if (fieldLen > 0) {
            if (!(o instanceof HashValue h)) return null;
            return h.get(Arrays.copyOfRange(pattern, arrow + 2, pattern.length));
        }
        if (ValueType.of(o) != ValueType.STRING) return null;
        return StringValues.bytes(o);
    }

    private static int indexOf(byte[] b, byte c, int from) {
        for (int i = from; i < b.length; i++) if (b[i] == c) return i;
        return -1;
    }

    /** strtod as SORT uses it: leading spaces skipped, the rest consumed whole, no NaN; NaN when invalid. */
    static double strtod(byte[] b) {
        if (b.length == 0) return 0;
        int i = 0;
        while (i < b.length && (b[i] == ' ' || (b[i] >= '\t' && b[i] <= '\r'))) i++;
        if (i == b.length) return Double.NaN;
        return Numbers.parseDouble(i == 0 ? b : Arrays.copyOfRange(b, i, b.length));
    }
}
