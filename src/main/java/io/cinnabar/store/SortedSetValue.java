package io.cinnabar.store;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A sorted set: members (byte strings) ordered by a double score, then by member bytes. Two
 * encodings as in Redis: "listpack" ({@link ZListpack}) while the set has at most
 * zset-max-listpack-entries members none longer than zset-max-listpack-value bytes, "skiplist"
 * ({@link ZSkipList}: skip list with spans plus a member dict) after that; the conversion is one
 * way except where Redis converts back (the STORE commands' results).
 * <p>
 * Ranks are 0-based, in ascending order. The thresholds are passed in by the caller, so the store
 * needs no configuration. {@link #forEach}, {@link #builder} and {@link #isListpack} are what RDB
 * persistence needs.
 */
public final class SortedSetValue implements TypedValue {
    /** {@link #add} input flags (zsetAdd's ZADD_IN_*). */
    public static final int NX = 1, XX = 2, GT = 4, LT = 8, INCR = 16;
    /** {@link #add} output flags (ZADD_OUT_*). */
    public static final int ADDED = 1, UPDATED = 2, NOP = 4, NAN = 8;

    /** Receives elements in order. */
    public interface Visitor {
        void accept(byte[] member, double score);
    }

    private ZListpack lp;
    private ZSkipList sl;

    private SortedSetValue(ZListpack lp, ZSkipList sl) {
        this.lp = lp;
        this.sl = sl;
    }

    /** An empty set in the listpack encoding. */
    public static SortedSetValue listpack() {
        return new SortedSetValue(new ZListpack(4), null);
    }

    /** An empty set in the skiplist encoding. */
    public static SortedSetValue skiplist() {
        return new SortedSetValue(null, new ZSkipList());
    }

    /** zsetTypeCreate: the encoding a set of {@code sizeHint} members up to {@code maxLen} bytes starts in. */
    public static SortedSetValue create(long sizeHint, long maxLen, long maxEntries, long maxValue) {
        if (sizeHint <= maxEntries && maxLen <= maxValue && maxEntries > 0) {
            return new SortedSetValue(new ZListpack((int) Math.min(sizeHint, 1024)), null);
        }
        return skiplist();
    }

    @Override public ValueType type() {
        return ValueType.ZSET;
    }

    @Override public String encoding() {
        return lp != null ? "listpack" : "skiplist";
    }

    public boolean isListpack() {
        return lp != null;
    }

    @Override public long size() {
        return lp != null ? lp.size : sl.size();
    }

    public int length() {
        return lp != null ? lp.size : sl.size();
    }

    @Override public SortedSetValue copy() {
        if (lp != null) return new SortedSetValue(lp.copy(), null);
        ZSkipList c = new ZSkipList();
        for (ZSkipList.Node n = sl.tail(); n != null; n = n.backward) c.insert(n.key(), n.score);
        return new SortedSetValue(null, c);
    }

    // ---- conversion ----

    /** zsetConvert to skiplist. */
    public void convertToSkiplist() {
        if (lp == null) return;
        ZSkipList s = new ZSkipList();
        for (int i = 0; i < lp.size; i++) s.insert(lp.members[i], lp.scores[i]);
        sl = s;
        lp = null;
    }

    /** zsetConvertToListpackIfNeeded (after ZUNIONSTORE and friends). */
    public void convertToListpackIfFits(long maxLen, long maxEntries, long maxValue) {
        if (lp != null || sl.size() > maxEntries || maxLen > maxValue) return;
        ZListpack l = new ZListpack(sl.size());
        for (ZSkipList.Node n = sl.head(); n != null; n = n.next()) {
            l.members[l.size] = n.key();
            l.scores[l.size++] = n.score == 0 ? 0.0 : n.score; // listpacks store -0 as 0
        }
        lp = l;
        sl = null;
    }

    // ---- point operations ----

    /** The member's score, or NaN when absent (a stored score is never NaN). */
    public double score(byte[] member) {
        if (lp != null) {
            int i = lp.indexOf(member);
            return i < 0 ? Double.NaN : lp.scores[i];
        }
        ZSkipList.Node n = sl.find(member);
        return n == null ? Double.NaN : n.score;
    }

    public boolean contains(byte[] member) {
        return lp != null ? lp.indexOf(member) >= 0 : sl.find(member) != null;
    }

    /**
     * zsetAdd: adds or updates one member under the given input flags, converting to the skiplist
     * encoding when the set outgrows the listpack limits. Returns the output flags; the resulting
     * score is stored in {@code newScore[0]} when the element was added or updated (or matched).
     */
    public int add(double score, byte[] member, int flags, long maxEntries, long maxValue, double[] newScore) {
        if (Double.isNaN(score)) return NAN;
        boolean incr = (flags & INCR) != 0, nx = (flags & NX) != 0, xx = (flags & XX) != 0;
        boolean gt = (flags & GT) != 0, lt = (flags & LT) != 0;
        if (lp != null) {
            int i = lp.indexOf(member);
            if (i >= 0) {
                if (nx) return NOP;
                double cur = lp.scores[i];
                if (incr) {
                    score += cur;
                    if (Double.isNaN(score)) return NAN;
                }
                if ((lt && score >= cur) || (gt && score <= cur)) return NOP;
                if (newScore != null) newScore[0] = score;
                if (score != cur) {
                    byte[] m = lp.members[i];
                    lp.removeAt(i);
                    lp.insert(m, score);
                    return UPDATED;
                }
                return 0;
            }
            if (xx) return NOP;
            if (lp.size + 1 > maxEntries || member.length > maxValue) {
                convertToSkiplist();
            } else {
                lp.insert(member, score);
                if (newScore != null) newScore[0] = score;
                return ADDED;
            }
        }
        ZSkipList.Node n = sl.find(member);
        if (n != null) {
            if (nx) return NOP;
            double cur = n.score;
            if (incr) {
                score += cur;
                if (Double.isNaN(score)) return NAN;
            }
            if ((lt && score >= cur) || (gt && score <= cur)) return NOP;
            if (newScore != null) newScore[0] = score;
            if (score != cur) {
                sl.updateScore(n, score);
                return UPDATED;
            }
            return 0;
        }
        if (xx) return NOP;
        sl.insert(member, score);
        if (newScore != null) newScore[0] = score;
        return ADDED;
    }

    /** Adds a member known to be absent, keeping the encoding limits (builders: RDB, STORE results). */
    public void insertNew(byte[] member, double score, long maxEntries, long maxValue) {
        if (lp != null) {
            if (lp.size + 1 > maxEntries || member.length > maxValue) convertToSkiplist();
            else {
                lp.insert(member, score);
                return;
            }
        }
        sl.insert(member, score);
    }

    public boolean remove(byte[] member) {
        if (lp != null) {
            int i = lp.indexOf(member);
            if (i < 0) return false;
            lp.removeAt(i);
            return true;
        }
        return sl.remove(member);
    }

    /** 0-based ascending rank, or -1 when absent. */
    public int rank(byte[] member) {
        if (lp != null) return lp.indexOf(member);
        ZSkipList.Node n = sl.find(member);
        return n == null ? -1 : sl.rankOf(n);
    }

    public byte[] memberAt(int rank) {
        return lp != null ? lp.members[rank] : sl.at(rank).key();
    }

    public double scoreAt(int rank) {
        return lp != null ? lp.scores[rank] : sl.at(rank).score;
    }

    // ---- ranges (as rank bounds) ----

    /** zsl/zzlFirstInLexRange: rank of the first element in the lex range, -1 if none. */
    public int lexFirst(LexBound min, LexBound max) {
        if (!lexRangeMayMatch(min, max)) return -1;
        int lo = lexCountBelow(min);
        return lo < length() && max.lteMax(memberAt(lo)) ? lo : -1;
    }

    /** zsl/zzlLastInLexRange: rank of the last element in the lex range, -1 if none. */
    public int lexLast(LexBound min, LexBound max) {
        if (!lexRangeMayMatch(min, max)) return -1;
        int hi = lexCountUpTo(max) - 1;
        return hi >= 0 && min.gteMin(memberAt(hi)) ? hi : -1;
    }

    /** From rank {@code from}, the rank after the last of the consecutive elements that are <= max (at most limit; -1: no limit). */
    public int lexWalkForward(int from, LexBound max, long limit) {
        int n = length();
        int i = from;
        if (lp != null) {
            while (i < n && limit-- != 0 && max.lteMax(lp.members[i])) i++;
            return i;
        }
        if (i >= n) return i;
        for (ZSkipList.Node x = sl.at(i); x != null && limit-- != 0 && max.lteMax(x.key()); x = x.next()) i++;
        return i;
    }

    /** From rank {@code from} downwards, the rank of the last of the consecutive elements that are >= min. */
    public int lexWalkBackward(int from, LexBound min, long limit) {
        int i = from;
        if (lp != null) {
            while (i >= 0 && limit-- != 0 && min.gteMin(lp.members[i])) i--;
            return i + 1;
        }
        if (i < 0) return 0;
        for (ZSkipList.Node x = sl.at(i); x != null && limit-- != 0 && min.gteMin(x.key()); x = x.backward) i--;
        return i + 1;
    }

    /** ZLEXCOUNT as Redis counts per encoding (a walk in a listpack, a rank difference in a skip list). */
    public int lexCount(LexBound min, LexBound max) {
        int first = lexFirst(min, max);
        if (first < 0) return 0;
        if (lp != null) return lexWalkForward(first, max, -1) - first;
        int last = lexLast(min, max);
        return last < 0 ? 0 : last - first + 1;
    }

    /** The ranks ZREMRANGEBYLEX removes: [from, end) as {from, end}. */
    public int[] lexRemoveRange(LexBound min, LexBound max) {
        int from = lp != null ? lexFirst(min, max) : lexCountBelow(min);
        if (from < 0) return new int[] {0, 0};
        return new int[] {from, lexWalkForward(from, max, -1)};
    }

    /** zslIsInLexRange / zzlIsInLexRange: false when the range cannot hold an element. */
    public boolean lexRangeMayMatch(LexBound min, LexBound max) {
        int n = length();
        return n > 0 && !LexBound.emptyRange(min, max) && min.gteMin(memberAt(n - 1)) && max.lteMax(memberAt(0));
    }

    /** Index of the first element with score >= min (> min when exclusive). */
    public int countBelow(double min, boolean minEx) {
        return lp != null ? lp.countBelow(min, minEx) : sl.countBelow(min, minEx);
    }

    /** Index after the last element with score <= max (< max when exclusive). */
    public int countUpTo(double max, boolean maxEx) {
        return lp != null ? lp.countUpTo(max, maxEx) : sl.countUpTo(max, maxEx);
    }

    public int lexCountBelow(LexBound min) {
        return lp != null ? lp.lexCountBelow(min) : sl.lexCountBelow(min);
    }

    public int lexCountUpTo(LexBound max) {
        return lp != null ? lp.lexCountUpTo(max) : sl.lexCountUpTo(max);
    }

    /** Removes ranks [from, to] (inclusive, valid). */
    public void removeRange(int from, int to) {
        if (lp != null) lp.removeRange(from, to);
        else sl.removeRange(from, to);
    }

    /** Visits ranks [from, to] (inclusive, valid) ascending, or descending from {@code to} when rev. */
    public void forRange(int from, int to, boolean rev, Visitor v) {
        if (from > to) return;
        if (lp != null) {
            if (rev) for (int i = to; i >= from; i--) v.accept(lp.members[i], lp.scores[i]);
            else for (int i = from; i <= to; i++) v.accept(lp.members[i], lp.scores[i]);
            return;
        }
        int n = to - from + 1;
        if (rev) {
            ZSkipList.Node x = to == sl.size() - 1 ? sl.tail() : sl.at(to);
            for (; n > 0; n--, x = x.backward) v.accept(x.key(), x.score);
        } else {
            ZSkipList.Node x = from == 0 ? sl.head() : sl.at(from);
            for (; n > 0; n--, x = x.next()) v.accept(x.key(), x.score);
        }
    }

    /** Visits every element in ascending order (RDB save, set operations). */
    public void forEach(Visitor v) {
        int n = length();
        if (n > 0) forRange(0, n - 1, false, v);
    }

    /** One uniformly random element. The set must not be empty. */
    public void random(Visitor v) {
        if (lp != null) {
            int i = ThreadLocalRandom.current().nextInt(lp.size);
            v.accept(lp.members[i], lp.scores[i]);
        } else {
            // by rank, O(log n) through the spans: uniform, unlike a bucket pick from the dict
            ZSkipList.Node n = sl.at(ThreadLocalRandom.current().nextInt(sl.size()));
            v.accept(n.key(), n.score);
        }
    }

    /**
     * One ZSCAN step over the skiplist encoding's dict (reverse-binary cursor, 0 when done); the
     * listpack encoding is visited whole and returns 0, as Redis returns it in one reply.
     */
    public long scan(long cursor, Visitor v) {
        if (lp != null) {
            forEach(v);
            return 0;
        }
        return sl.dict.scan(cursor, n -> v.accept(n.key(), n.score));
    }

    // ---- building (RDB load) ----

    /** Starts a set of the given size in the encoding Redis would pick, to be filled with {@link #insertNew}. */
    public static SortedSetValue builder(long size, long maxLen, long maxEntries, long maxValue) {
        return create(size, maxLen, maxEntries, maxValue);
    }
}
