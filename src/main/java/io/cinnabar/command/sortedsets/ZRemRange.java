package io.cinnabar.command.sortedsets;

import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeyEvent;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.LexBound;
import io.cinnabar.store.SortedSetValue;

/** zremrangeGenericCommand: ZREMRANGEBYRANK, ZREMRANGEBYSCORE, ZREMRANGEBYLEX. */
final class ZRemRange {
    private ZRemRange() {}

    static void run(Ctx ctx, Argv argv, int type) {
        long start = 0, end = 0;
        ZSets.ScoreRange sr = null;
        LexBound min = null, max = null;
        KeyEvent event;
        if (type == ZRange.RANK) {
            start = argv.longArg(2);
            end = argv.longArg(3);
            event = ZSets.ZREMRANGEBYRANK;
        } else if (type == ZRange.SCORE) {
            sr = ZSets.parseScoreRange(argv.get(2), argv.get(3));
            event = ZSets.ZREMRANGEBYSCORE;
        } else {
            min = ZSets.parseLex(argv.get(2));
            max = ZSets.parseLex(argv.get(3));
            event = ZSets.ZREMRANGEBYLEX;
        }
        byte[] key = argv.get(1);
        SortedSetValue z = ZSets.get(ctx, key);
        if (z == null) {
            ctx.out().integer(0);
            return;
        }
        int from, to;
        if (type == ZRange.RANK) {
            long llen = z.length();
            if (start < 0) start += llen;
            if (end < 0) end += llen;
            if (start < 0) start = 0;
            if (start > end || start >= llen) {
                ctx.out().integer(0);
                return;
            }
            if (end >= llen) end = llen - 1;
            from = (int) start;
            to = (int) end;
        } else if (type == ZRange.SCORE) {
            from = z.countBelow(sr.min(), sr.minEx());
            to = z.countUpTo(sr.max(), sr.maxEx()) - 1;
        } else {
            int[] r = z.lexRemoveRange(min, max);
            from = r[0];
            to = r[1] - 1;
        }
        int n = Math.max(0, to - from + 1);
        if (n > 0) {
            z.removeRange(from, to);
            ctx.modified(key, event);
            ctx.dirty(n - 1);
            ZSets.deleteIfEmpty(ctx, key, z);
        }
        ctx.out().integer(n);
    }
}
