package io.cinnabar.command.sortedsets;

import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeyEvent;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.store.SortedSetValue;
import io.cinnabar.store.TypedValue;
import io.cinnabar.store.ValueType;
import io.cinnabar.util.Numbers;
import java.util.Arrays;
import java.util.Comparator;

/**
 * zunionInterDiffGenericCommand: ZUNION[STORE], ZINTER[STORE], ZINTERCARD, ZDIFF[STORE]. Inputs
 * may be sorted sets or plain sets (every member scoring 1); missing keys are empty inputs.
 */
final class ZSetOps {
    private ZSetOps() {}

    static final int UNION = 0, INTER = 1, DIFF = 2;
    private static final int SUM = 0, MIN = 1, MAX = 2;
    private static final RedisError WEIGHT = new RedisError("ERR weight value is not a float");
    private static final RedisError LIMIT_NEGATIVE = new RedisError("ERR LIMIT can't be negative");

    /** One input: a sorted set, a set, or nothing. */
    private static final class Source {
        final Object value;
        final SortedSetValue zset;
        double weight = 1;

        Source(Object value) {
            this.value = value;
            this.zset = value instanceof SortedSetValue z ? z : null;
        }

        int size() {
            if (value == null) return 0;
            return zset != null ? zset.length() : (int) ((TypedValue) value).size();
        }

        /** The member's score in this input, NaN when absent. */
        double find(byte[] member) {
            if (value == null) return Double.NaN;
            if (zset != null) return zset.score(member);
            return SetSources.contains(value, member) ? 1.0 : Double.NaN;
        }

        void forEach(SortedSetValue.Visitor v) {
            if (zset != null) zset.forEach(v);
            else if (value != null) SetSources.forEach(value, v);
        }
    }

    /** @param dst destination key for the STORE forms, else null. */
    static void run(Ctx ctx, Argv argv, byte[] dst, int numkeysIdx, int op, boolean cardOnly) {
        long setnum = argv.longArg(numkeysIdx);
        if (setnum < 1) {
            throw Errors.err("at least 1 input key is needed for '" + ctx.command().spec().fullName() + "' command");
        }
        if (setnum > argv.size() - (numkeysIdx + 1)) throw Errors.SYNTAX;
        int n = (int) setnum;
        Source[] src = new Source[n];
        int j = numkeysIdx + 1;
        for (int i = 0; i < n; i++, j++) {
            Object v = ctx.db().get(argv.get(j));
            if (v != null) {
                ValueType t = ValueType.of(v);
                if (t != ValueType.ZSET && t != ValueType.SET) throw Errors.WRONGTYPE;
            }
            src[i] = new Source(v);
        }
        int aggregate = SUM;
        boolean withScores = false;
        long limit = 0;
        while (j < argv.size()) {
            int remaining = argv.size() - j;
            if (op != DIFF && !cardOnly && remaining >= n + 1 && argv.is(j, "weights")) {
                j++;
                for (int i = 0; i < n; i++, j++) {
                    double w = Numbers.parseDouble(argv.get(j));
                    if (Double.isNaN(w)) throw WEIGHT;
                    src[i].weight = w;
                }
            } else if (op != DIFF && !cardOnly && remaining >= 2 && argv.is(j, "aggregate")) {
                j++;
                if (argv.is(j, "sum")) aggregate = SUM;
                else if (argv.is(j, "min")) aggregate = MIN;
                else if (argv.is(j, "max")) aggregate = MAX;
                else throw Errors.SYNTAX;
                j++;
            } else if (dst == null && !cardOnly && argv.is(j, "withscores")) {
                j++;
                withScores = true;
            } else if (cardOnly && remaining >= 2 && argv.is(j, "limit")) {
                limit = Numbers.parseLongOr(argv.get(j + 1), -1);
                if (limit < 0) throw LIMIT_NEGATIVE;
                j += 2;
            } else {
                throw Errors.SYNTAX;
            }
        }
        if (op != DIFF) Arrays.sort(src, Comparator.comparingInt(Source::size)); // stable, like glibc's merge qsort

        SortedSetValue out = SortedSetValue.skiplist();
        long maxLen = 0;
        long card = 0;
        if (op == INTER) {
            card = inter(src, aggregate, out, cardOnly, limit);
        } else if (op == UNION) {
            long maxEntries = Long.MAX_VALUE;
            final int agg = aggregate;
            for (Source s : src) {
                double w = s.weight;
                s.forEach((m, sc) -> {
                    double score = w * sc;
                    if (Double.isNaN(score)) score = 0;
                    double cur = out.score(m);
                    if (Double.isNaN(cur)) out.insertNew(m, score, maxEntries, maxEntries);
                    else out.add(aggregate(cur, score, agg), m, 0, maxEntries, maxEntries, null);
                });
            }
        } else if (src[0].size() > 0) {
            src[0].forEach((m, sc) -> {
                for (int i = 1; i < src.length; i++) {
                    if (src[i].value == src[0].value || !Double.isNaN(src[i].find(m))) return;
                }
                out.insertNew(m, sc, Long.MAX_VALUE, Long.MAX_VALUE);
            });
        }
        if (cardOnly) {
            ctx.out().integer(card);
            return;
        }
        if (dst != null) {
            if (out.length() > 0) {
                long[] ml = {0};
                out.forEach((m, s) -> ml[0] = Math.max(ml[0], m.length));
                maxLen = ml[0];
                out.convertToListpackIfFits(maxLen, ZSets.maxEntries(ctx), ZSets.maxValue(ctx));
                ctx.db().set(dst, out);
                ctx.out().integer(out.length());
                ctx.modified(dst, op == UNION ? ZSets.ZUNIONSTORE : op == INTER ? ZSets.ZINTERSTORE : ZSets.ZDIFFSTORE);
            } else {
                ctx.out().integer(0);
                if (ctx.db().delete(dst)) ctx.modified(dst, KeyEvent.DEL);
            }
            return;
        }
        RespOut r = ctx.out();
        r.pairArrayHeader(out.length(), withScores);
        boolean ws = withScores;
        out.forEach((m, s) -> ZSets.emit(r, m, s, ws));
    }

    private static long inter(Source[] src, int aggregate, SortedSetValue out, boolean cardOnly, long limit) {
        if (src[0].size() == 0) return 0;
        long[] card = {0};
        boolean[] stop = {false};
        src[0].forEach((m, sc) -> {
            if (stop[0]) return;
            double score = src[0].weight * sc;
            if (Double.isNaN(score)) score = 0;
            for (int i = 1; i < src.length; i++) {
                double value;
                if (src[i].value == src[0].value) {
                    value = sc * src[i].weight;
                } else {
                    value = src[i].find(m);
                    if (Double.isNaN(value)) return;
                    value *= src[i].weight;
                }
                score = aggregate(score, value, aggregate);
            }
            if (cardOnly) {
                card[0]++;
                if (limit != 0 && card[0] >= limit) stop[0] = true;
            } else {
                out.insertNew(m, score, Long.MAX_VALUE, Long.MAX_VALUE);
            }
        });
        return card[0];
    }

    /** zunionInterAggregate. */
    private static double aggregate(double target, double val, int aggregate) {
        switch (aggregate) {
            case SUM:
                double r = target + val;
                return Double.isNaN(r) ? 0.0 : r;
            case MIN:
                return val < target ? val : target;
            default:
                return val > target ? val : target;
        }
    }
}
