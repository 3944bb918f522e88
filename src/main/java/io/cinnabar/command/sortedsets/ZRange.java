package io.cinnabar.command.sortedsets;

import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeyEvent;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.store.LexBound;
import io.cinnabar.store.SortedSetValue;

/**
 * zrangeGenericCommand: ZRANGE, ZRANGESTORE and the older Z[REV]RANGE[BYSCORE|BYLEX] forms.
 * Every range is turned into an interval of ascending ranks (the skip list's spans make the
 * bounds O(log n)), then emitted to the client or into the destination set.
 */
final class ZRange {
    private ZRange() {}

    static final int AUTO = 0, RANK = 1, SCORE = 2, LEX = 3;
    static final int FORWARD = 1, REVERSE = -1;

    private static final RedisError LIMIT_ERR = new RedisError(
            "ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX");
    private static final RedisError WITHSCORES_ERR =
            new RedisError("ERR syntax error, WITHSCORES not supported in combination with BYLEX");

    /** @param start index of the source key; {@code dst} non-null for ZRANGESTORE. */
    static void run(Ctx ctx, Argv argv, int start, byte[] dst, int type, int direction) {
        boolean store = dst != null;
        int minIdx = start + 1, maxIdx = start + 2;
        long offset = 0, limit = -1;
        boolean withScores = false;
        for (int j = start + 3; j < argv.size(); j++) {
            int left = argv.size() - j - 1;
            if (!store && argv.is(j, "withscores")) {
                withScores = true;
            } else if (argv.is(j, "limit") && left >= 2) {
                offset = argv.longArg(j + 1);
                limit = argv.longArg(j + 2);
                j += 2;
            } else if (direction == AUTO && argv.is(j, "rev")) {
                direction = REVERSE;
            } else if (type == AUTO && argv.is(j, "bylex")) {
                type = LEX;
            } else if (type == AUTO && argv.is(j, "byscore")) {
                type = SCORE;
            } else {
                throw Errors.SYNTAX;
            }
        }
        if (direction == AUTO) direction = FORWARD;
        if (type == AUTO) type = RANK;
        if (limit != -1 && type == RANK) throw LIMIT_ERR;
        if (withScores && type == LEX) throw WITHSCORES_ERR;
        boolean rev = direction == REVERSE;
        if (rev && type != RANK) {
            int t = minIdx;
            minIdx = maxIdx;
            maxIdx = t;
        }
        long rs = 0, re = 0;
        ZSets.ScoreRange sr = null;
        LexBound lmin = null, lmax = null;
        if (type == RANK) {
            rs = argv.longArg(minIdx);
            re = argv.longArg(maxIdx);
        } else if (type == SCORE) {
            sr = ZSets.parseScoreRange(argv.get(minIdx), argv.get(maxIdx));
        } else {
            lmin = ZSets.parseLex(argv.get(minIdx));
            lmax = ZSets.parseLex(argv.get(maxIdx));
        }
        SortedSetValue z = ZSets.get(ctx, argv.get(start));
        int from = 0, to = -1;
        if (z != null) {
            long llen = z.length();
            if (type == RANK) {
                if (rs < 0) rs += llen;
                if (re < 0) re += llen;
                if (rs < 0) rs = 0;
                if (rs <= re && rs < llen) {
                    if (re >= llen) re = llen - 1;
                    from = (int) (rev ? llen - 1 - re : rs);
                    to = (int) (rev ? llen - 1 - rs : re);
                }
            } else if (type == LEX) {
                // walk as Redis does: from the first (last) element in range, skip offset, take while in range
                if (offset >= 0) {
                    int first = rev ? z.lexLast(lmin, lmax) : z.lexFirst(lmin, lmax);
                    if (first >= 0 && !rev && offset < llen - first) {
                        from = (int) (first + offset);
                        to = z.lexWalkForward(from, lmax, limit) - 1;
                    } else if (first >= 0 && rev && offset <= first) {
                        to = (int) (first - offset);
                        from = z.lexWalkBackward(to, lmin, limit);
                    }
                }
            } else if (offset >= 0 && !(offset > 0 && offset >= llen)) {
                int lo = z.countBelow(sr.min(), sr.minEx());
                int hi = z.countUpTo(sr.max(), sr.maxEx()) - 1;
                if (lo <= hi && offset <= hi - lo) {
                    if (!rev) {
                        from = (int) (lo + offset);
                        to = limit < 0 || limit > hi - from ? hi : (int) (from + limit - 1);
                    } else {
                        to = (int) (hi - offset);
                        from = limit < 0 || limit > to - lo ? lo : (int) (to - limit + 1);
                    }
                }
            }
        }
        int n = Math.max(0, to - from + 1);
        if (store) {
            store(ctx, dst, z, from, to, rev, type == RANK ? n : -1);
            return;
        }
        RespOut out = ctx.out();
        out.pairArrayHeader(n, withScores);
        if (n > 0) {
            boolean ws = withScores;
            z.forRange(from, to, rev, (m, s) -> ZSets.emit(out, m, s, ws));
        }
    }

    private static void store(Ctx ctx, byte[] dst, SortedSetValue z, int from, int to, boolean rev, long sizeHint) {
        int n = Math.max(0, to - from + 1);
        if (n == 0) {
            ctx.out().integer(0);
            if (ctx.db().delete(dst)) ctx.modified(dst, KeyEvent.DEL);
            return;
        }
        long maxEntries = ZSets.maxEntries(ctx), maxValue = ZSets.maxValue(ctx);
        SortedSetValue d = sizeHint > maxEntries ? SortedSetValue.skiplist() : SortedSetValue.listpack();
        z.forRange(from, to, rev, (m, s) -> d.insertNew(m, s, maxEntries, maxValue));
        ctx.db().set(dst, d);
        ctx.modified(dst, ZSets.ZRANGESTORE);
        ctx.out().integer(n);
    }
}
