package io.cinnabar.command.sortedsets;

import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeyEvent;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.RespOut;
import io.cinnabar.store.LexBound;
import io.cinnabar.store.SortedSetValue;
import io.cinnabar.store.ValueType;
import io.cinnabar.util.Numbers;

/** What the sorted-set commands share: lookups, encoding limits, range parsing, replies, events. */
final class ZSets {
    private ZSets() {}

    static final RedisError NOT_FLOAT_RANGE = new RedisError("ERR min or max is not a float");
    static final RedisError NOT_LEX_RANGE = new RedisError("ERR min or max not valid string range item");
    static final RedisError NAN_SCORE = new RedisError("ERR resulting score is not a number (NaN)");

    static final KeyEvent ZADD = new KeyEvent("zadd", KeyEvent.ZSET);
    static final KeyEvent ZINCR = new KeyEvent("zincr", KeyEvent.ZSET);
    static final KeyEvent ZREM = new KeyEvent("zrem", KeyEvent.ZSET);
    static final KeyEvent ZREMRANGEBYSCORE = new KeyEvent("zremrangebyscore", KeyEvent.ZSET);
    static final KeyEvent ZREMRANGEBYRANK = new KeyEvent("zremrangebyrank", KeyEvent.ZSET);
    static final KeyEvent ZREMRANGEBYLEX = new KeyEvent("zremrangebylex", KeyEvent.ZSET);
    static final KeyEvent ZPOPMIN = new KeyEvent("zpopmin", KeyEvent.ZSET);
    static final KeyEvent ZPOPMAX = new KeyEvent("zpopmax", KeyEvent.ZSET);
    static final KeyEvent ZUNIONSTORE = new KeyEvent("zunionstore", KeyEvent.ZSET);
    static final KeyEvent ZINTERSTORE = new KeyEvent("zinterstore", KeyEvent.ZSET);
    static final KeyEvent ZDIFFSTORE = new KeyEvent("zdiffstore", KeyEvent.ZSET);
    static final KeyEvent ZRANGESTORE = new KeyEvent("zrangestore", KeyEvent.ZSET);

    /** The sorted set at key, null if missing, WRONGTYPE otherwise. */
    static SortedSetValue get(Ctx ctx, byte[] key) {
        return ctx.db().get(key, ValueType.ZSET);
    }

    static long maxEntries(Ctx ctx) {
        return ctx.server().config().getLong("zset-max-listpack-entries");
    }

    static long maxValue(Ctx ctx) {
        return ctx.server().config().getLong("zset-max-listpack-value");
    }

    /** Deletes a set its command emptied, with the generic "del" event (the command's own event came first). */
    static void deleteIfEmpty(Ctx ctx, byte[] key, SortedSetValue z) {
        if (z.length() == 0) {
            ctx.db().delete(key);
            ctx.notify(KeyEvent.DEL, key, ctx.dbIndex());
        }
    }

    /** Writes one element of a WITHSCORES-style reply (a nested pair in RESP3). */
    static void emit(RespOut out, byte[] member, double score, boolean withScores) {
        if (withScores) {
            out.pairHeader();
            out.bulk(member);
            out.doubleValue(score);
        } else {
            out.bulk(member);
        }
    }

    // ---- score ranges (zslParseRange) ----

    /** A parsed score interval. */
    record ScoreRange(double min, boolean minEx, double max, boolean maxEx) {}

    static ScoreRange parseScoreRange(byte[] min, byte[] max) {
        boolean minEx = min.length > 0 && min[0] == '(';
        boolean maxEx = max.length > 0 && max[0] == '(';
        double lo = strtod(min, minEx ? 1 : 0);
        double hi = strtod(max, maxEx ? 1 : 0);
        if (Double.isNaN(lo) || Double.isNaN(hi)) throw NOT_FLOAT_RANGE;
        return new ScoreRange(lo, minEx, hi, maxEx);
    }

    static LexBound parseLex(byte[] arg) {
        LexBound b = LexBound.parse(arg);
        if (b == null) throw NOT_LEX_RANGE;
        return b;
    }

    /**
     * C's strtod over b[from..] that must consume everything: leading white space, a sign,
     * decimal or hex digits with an exponent, "inf"/"infinity"/"nan" in any case; overflow gives
     * an infinity. Returns NaN when the text is not entirely a number (or is a NaN).
     */
    static double strtod(byte[] b, int from) {
        int i = from, n = b.length;
        while (i < n && (b[i] == ' ' || (b[i] >= '\t' && b[i] <= '\r'))) i++;
        if (i == n) return i == from ? 0 : Double.NaN; // "" parses as 0, blanks alone do not
        int start = i;
        boolean neg = false;
        if (b[i] == '+' || b[i] == '-') {
            neg = b[i] == '-';
            i++;
        }
        String rest = new String(b, i, n - i, java.nio.charset.StandardCharsets.ISO_8859_1);
        String lower = rest.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("inf") || lower.equals("infinity")) return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        if (lower.startsWith("0x")) return parseHex(lower.substring(2), neg);
        // decimal: digits [. digits] [e [sign] digits]
        int j = 0, len = lower.length(), digits = 0;
        while (j < len && lower.charAt(j) >= '0' && lower.charAt(j) <= '9') {
            j++;
            digits++;
        }
        if (j < len && lower.charAt(j) == '.') {
            j++;
            while (j < len && lower.charAt(j) >= '0' && lower.charAt(j) <= '9') {
                j++;
                digits++;
            }
        }
        if (digits == 0) return Double.NaN;
        if (j < len && lower.charAt(j) == 'e') {
            int k = j + 1;
            if (k < len && (lower.charAt(k) == '+' || lower.charAt(k) == '-')) k++;
            int ed = k;
            while (k < len && lower.charAt(k) >= '0' && lower.charAt(k) <= '9') k++;
            if (k > ed) j = k; // an exponent without digits is not consumed: trailing text then fails
        }
        if (j != len) return Double.NaN;
        double d = Double.parseDouble(new String(b, start, n - start, java.nio.charset.StandardCharsets.ISO_8859_1));
        return d;
    }

    private static double parseHex(String s, boolean neg) {
        int p = s.indexOf('p');
        String mant = p < 0 ? s : s.substring(0, p);
        if (mant.isEmpty() || mant.equals(".") || !mant.matches("[0-9a-f]*\\.?[0-9a-f]*")) return Double.NaN;
        if (p >= 0 && !s.substring(p + 1).matches("[+-]?[0-9]+")) return Double.NaN;
        try {
            double d = Double.parseDouble("0x" + mant + (p < 0 ? "p0" : s.substring(p)));
            return neg ? -d : d;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A score argument (getDoubleFromObject), or "ERR value is not a valid float". */
    static double parseScore(byte[] b) {
        double d = Numbers.parseDouble(b);
        if (Double.isNaN(d)) throw io.cinnabar.error.Errors.NOT_FLOAT;
        return d;
    }
}
