package io.cinnabar.command.sortedsets;

import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.store.SortedSetValue;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** zrandmemberCommand and zrandmemberWithCountCommand. */
final class ZRandMember {
    private ZRandMember() {}

    private static final RedisError RANGE = new RedisError(
            "ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807");
    private static final RedisError OUT_OF_RANGE = new RedisError("ERR value is out of range");

    static void run(Ctx ctx, Argv argv) {
        RespOut out = ctx.out();
        if (argv.size() >= 3) {
            long l = argv.longArg(2);
            if (l == Long.MIN_VALUE) throw RANGE;
            boolean withScores = false;
            if (argv.size() > 4 || (argv.size() == 4 && !argv.is(3, "withscores"))) throw Errors.SYNTAX;
            if (argv.size() == 4) {
                withScores = true;
                if (l < -Long.MAX_VALUE / 2 || l > Long.MAX_VALUE / 2) throw OUT_OF_RANGE;
            }
            withCount(ctx, argv, l, withScores);
            return;
        }
        SortedSetValue z = ZSets.get(ctx, argv.get(1));
        if (z == null) {
            out.nullBulk();
            return;
        }
        z.random((m, s) -> out.bulk(m));
    }

    private static void withCount(Ctx ctx, Argv argv, long l, boolean ws) {
        RespOut out = ctx.out();
        SortedSetValue z = ZSets.get(ctx, argv.get(1));
        if (z == null || l == 0) {
            out.emptyArray();
            return;
        }
        long count = Math.abs(l);
        int size = z.length();
        SortedSetValue.Visitor emit = (m, s) -> ZSets.emit(out, m, s, ws);
        if (l < 0 || count == 1) { // CASE 1: with repetitions, random order
            out.pairArrayHeader(count, ws);
            for (long i = 0; i < count; i++) z.random(emit);
            return;
        }
        out.pairArrayHeader(Math.min(count, size), ws);
        if (count >= size) { // CASE 2: the whole set
            z.forEach(emit);
            return;
        }
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        if (count * 3 > size) { // CASE 3: shuffle ranks, keep the first count
            int[] ranks = new int[size];
            for (int i = 0; i < size; i++) ranks[i] = i;
            for (int i = 0; i < count; i++) {
                int k = i + rnd.nextInt(size - i);
                int t = ranks[i];
                ranks[i] = ranks[k];
                ranks[k] = t;
            }
            for (int i = 0; i < count; i++) emit.accept(z.memberAt(ranks[i]), z.scoreAt(ranks[i]));
            return;
        }
        Set<Integer> seen = new HashSet<>(); // CASE 4: distinct random picks
        while (seen.size() < count) {
            int r = rnd.nextInt(size);
            if (seen.add(r)) emit.accept(z.memberAt(r), z.scoreAt(r));
        }
    }

}
