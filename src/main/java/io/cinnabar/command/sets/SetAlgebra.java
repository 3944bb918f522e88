package io.cinnabar.command.sets;

import io.cinnabar.store.SetValue;
import java.util.Arrays;
import java.util.Comparator;
import java.util.function.Predicate;

/**
 * Intersection, union and difference as Redis 7.0 computes them (sinterGenericCommand,
 * sunionDiffGenericCommand): the same algorithms, so results start as an intset and convert the
 * same way, and the diff picks the cheaper of its two strategies by the same estimate.
 */
final class SetAlgebra {
    private SetAlgebra() {}

    /**
     * Feeds each member of the intersection of non-null {@code sets} to {@code sink}, smallest set
     * first, until the sink returns false.
     */
    static void intersect(SetValue[] sets, Predicate<byte[]> sink) {
        SetValue[] sorted = sets.clone();
        Arrays.sort(sorted, Comparator.comparingLong(SetValue::size));
        SetValue first = sorted[0];
        boolean[] stop = {false};
        first.forEach(m -> {
            if (stop[0]) return;
            for (int j = 1; j < sorted.length; j++) {
                if (sorted[j] == first) continue;
                if (!sorted[j].contains(m)) return;
            }
            if (!sink.test(m)) stop[0] = true;
        });
    }

    /** The union of {@code sets} (nulls are empty sets), built as Redis builds it. */
    static SetValue union(SetValue[] sets, long maxIntset) {
        SetValue dst = SetValue.newIntset();
        for (SetValue s : sets) {
            if (s != null) s.forEach(m -> dst.add(m, maxIntset));
        }
        return dst;
    }

    /** sets[0] minus the others (nulls are empty sets). */
    static SetValue diff(SetValue[] sets, long maxIntset) {
        SetValue dst = SetValue.newIntset();
        SetValue first = sets[0];
        if (first == null) return dst;
        for (int j = 1; j < sets.length; j++) {
            if (sets[j] == first) return dst; // the same key subtracted from itself
        }
        long algoOne = 0, algoTwo = 0;
        for (SetValue s : sets) {
            if (s == null) continue;
            algoOne += first.size();
            algoTwo += s.size();
        }
        algoOne /= 2; // algorithm 1 has better constants and stops early on common members
        if (algoOne <= algoTwo) {
            // iterate the first set, keep what no other set has; subtract bigger sets first
            SetValue[] rest = Arrays.copyOfRange(sets, 1, sets.length);
            Arrays.sort(rest, Comparator.comparingLong((SetValue s) -> s == null ? 0 : s.size()).reversed());
            first.forEach(m -> {
                for (SetValue s : rest) {
                    if (s != null && s.contains(m)) return;
                }
                dst.add(m, maxIntset);
            });
        } else {
            // copy the first set, remove every member of the others
            first.forEach(m -> dst.add(m, maxIntset));
            for (int j = 1; j < sets.length && dst.size() > 0; j++) {
                if (sets[j] != null) sets[j].forEach(dst::remove);
            }
        }
        return dst;
    }
}
