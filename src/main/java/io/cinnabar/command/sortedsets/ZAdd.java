package io.cinnabar.command.sortedsets;

import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.SortedSetValue;

/** zaddGenericCommand: ZADD's options and ZINCRBY (ZADD with INCR forced). */
final class ZAdd {
    private ZAdd() {}

    private static final RedisError XX_NX = new RedisError("ERR XX and NX options at the same time are not compatible");
    private static final RedisError GT_LT_NX =
            new RedisError("ERR GT, LT, and/or NX options at the same time are not compatible");
    private static final RedisError INCR_PAIR = new RedisError("ERR INCR option supports a single increment-element pair");

    static void run(Ctx ctx, Argv argv, int flags) {
        boolean ch = false;
        int idx = 2;
        for (; idx < argv.size(); idx++) {
            if (argv.is(idx, "nx")) flags |= SortedSetValue.NX;
            else if (argv.is(idx, "xx")) flags |= SortedSetValue.XX;
            else if (argv.is(idx, "ch")) ch = true;
            else if (argv.is(idx, "incr")) flags |= SortedSetValue.INCR;
            else if (argv.is(idx, "gt")) flags |= SortedSetValue.GT;
            else if (argv.is(idx, "lt")) flags |= SortedSetValue.LT;
            else break;
        }
        boolean incr = (flags & SortedSetValue.INCR) != 0, nx = (flags & SortedSetValue.NX) != 0;
        boolean xx = (flags & SortedSetValue.XX) != 0, gt = (flags & SortedSetValue.GT) != 0;
        boolean lt = (flags & SortedSetValue.LT) != 0;
        int elements = argv.size() - idx;
        if (elements == 0 || elements % 2 != 0) throw Errors.SYNTAX;
        elements /= 2;
        if (nx && xx) throw XX_NX;
        if ((gt && nx) || (lt && nx) || (gt && lt)) throw GT_LT_NX;
        if (incr && elements > 1) throw INCR_PAIR;
        double[] scores = new double[elements];
        for (int j = 0; j < elements; j++) scores[j] = ZSets.parseScore(argv.get(idx + j * 2));

        byte[] key = argv.get(1);
        SortedSetValue z = ZSets.get(ctx, key);
        long added = 0, updated = 0, processed = 0;
        double score = 0;
        if (z == null && !xx) {
            long maxEntries = ZSets.maxEntries(ctx), maxValue = ZSets.maxValue(ctx);
            z = maxEntries == 0 || maxValue < argv.get(idx + 1).length
                    ? SortedSetValue.skiplist() : SortedSetValue.listpack();
            ctx.db().add(key, z);
        }
        RedisError error = null;
        if (z != null) {
            long maxEntries = ZSets.maxEntries(ctx), maxValue = ZSets.maxValue(ctx);
            double[] newScore = new double[1];
            for (int j = 0; j < elements; j++) {
                int out = z.add(scores[j], argv.get(idx + 1 + j * 2), flags, maxEntries, maxValue, newScore);
                if (out == SortedSetValue.NAN) {
                    error = ZSets.NAN_SCORE;
                    break;
                }
                if ((out & SortedSetValue.ADDED) != 0) added++;
                if ((out & SortedSetValue.UPDATED) != 0) updated++;
                if ((out & SortedSetValue.NOP) == 0) processed++;
                score = newScore[0];
            }
            // a new key that received nothing (all NX/GT/LT misses cannot happen on a new key, but NaN can)
            if (z.length() == 0) ctx.db().delete(key);
        }
        if (added + updated > 0) {
            ctx.modified(key, incr ? ZSets.ZINCR : ZSets.ZADD);
            ctx.dirty(added + updated - 1);
        }
        if (error != null) throw error;
        if (incr) {
            if (processed > 0) ctx.out().doubleValue(score);
            else ctx.out().nullBulk();
        } else {
            ctx.out().integer(ch ? added + updated : added);
        }
    }
}
