package io.cinnabar.store;

import java.util.Arrays;

/**
 * The compact ("listpack") encoding of a small sorted set: members and scores in two parallel
 * arrays kept in (score, member) order, as Redis keeps them in one listpack. Every operation is a
 * scan or a shift of at most zset-max-listpack-entries elements, which is what makes it compact.
 * Ranks are 0-based. Not thread-safe.
 */
final class ZListpack {
    byte[][] members;
    double[] scores;
    int size;

    ZListpack(int capacity) {
        members = new byte[Math.max(capacity, 4)][];
        scores = new double[members.length];
    }

    ZListpack copy() {
        ZListpack c = new ZListpack(size);
        System.arraycopy(members, 0, c.members, 0, size);
        System.arraycopy(scores, 0, c.scores, 0, size);
        c.size = size;
        return c;
    }

    /** Index of member, or -1 (zzlFind: a linear scan). */
    int indexOf(byte[] member) {
        for (int i = 0; i < size; i++) {
            if (Arrays.equals(members[i], member)) return i;
        }
        return -1;
    }

    /** Inserts a member known to be absent at its ordered position; returns that index. */
    int insert(byte[] member, double score) {
        if (score == 0) score = 0.0; // -0 is stored as the integer 0 in a listpack (double2ll), so it reads back as 0
        int lo = 0, hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ZSkipList.compare(scores[mid], members[mid], score, member) < 0) lo = mid + 1;
            else hi = mid;
        }
        if (size == members.length) {
            int cap = size + (size >> 1) + 1;
            members = Arrays.copyOf(members, cap);
            scores = Arrays.copyOf(scores, cap);
        }
        System.arraycopy(members, lo, members, lo + 1, size - lo);
        System.arraycopy(scores, lo, scores, lo + 1, size - lo);
        members[lo] = member;
        scores[lo] = score;
        size++;
        return lo;
    }

    void removeAt(int i) {
        removeRange(i, i);
    }

    /** Removes indexes [from, to]. */
    void removeRange(int from, int to) {
        int n = to - from + 1;
        System.arraycopy(members, to + 1, members, from, size - to - 1);
        System.arraycopy(scores, to + 1, scores, from, size - to - 1);
        Arrays.fill(members, size - n, size, null);
        size -= n;
        if (members.length > 16 && size < members.length / 4) {
            members = Arrays.copyOf(members, size * 2);
            scores = Arrays.copyOf(scores, members.length);
        }
    }

    int countBelow(double min, boolean minEx) {
        int lo = 0, hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (minEx ? scores[mid] <= min : scores[mid] < min) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    int countUpTo(double max, boolean maxEx) {
        int lo = 0, hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (maxEx ? scores[mid] < max : scores[mid] <= max) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** zzlFirstInLexRange: a forward scan, as Redis does (it matters only when scores differ). */
    int lexCountBelow(LexBound min) {
        int i = 0;
        while (i < size && !min.gteMin(members[i])) i++;
        return i;
    }

    /** zzlLastInLexRange: a backward scan. */
    int lexCountUpTo(LexBound max) {
        int i = size;
        while (i > 0 && !max.lteMax(members[i - 1])) i--;
        return i;
    }
}
