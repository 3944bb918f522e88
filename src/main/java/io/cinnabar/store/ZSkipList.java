package io.cinnabar.store;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The "skiplist" encoding of a sorted set: Redis' zskiplist (ordered by score, then member bytes,
 * with a span per forward link so that rank queries and rank lookups are O(log n)) together with
 * a {@link Dict} from member to node. The skip-list node is the dict entry itself, so an element
 * costs one node object (plus link arrays for levels above the second) and its member bytes.
 * <p>
 * Ranks are 0-based here. Not thread-safe.
 */
final class ZSkipList {
    static final int MAX_LEVEL = 32;

    /**
     * An element: the dict entry (key = member) and the skip-list node in one object. Redis keeps a
     * node's levels inline; here the two lowest levels are fields (three nodes in four have one
     * level, p = 1/4, and the bottom levels are where a search walks through nodes that are not in
     * cache) and only the levels above them are arrays, so most steps of a search touch one
     * object per node instead of three.
     */
    static final class Node extends DictEntry {
        double score;
        Node backward;
        private Node f0, f1;
        private int s0, s1;
        /** Levels 2.. (null for nodes of one or two levels). */
        private final Node[] fHi;
        private final int[] sHi;
        private final int level;

        Node(byte[] member, int hash, double score, int level) {
            super(member, hash);
            this.score = score;
            this.level = level;
            this.fHi = level > 2 ? new Node[level - 2] : null;
            this.sHi = level > 2 ? new int[level - 2] : null;
        }

        /** The next node at level 0 (ascending order), null at the tail. */
        Node next() {
            return f0;
        }

        Node fwd(int i) {
            return i == 0 ? f0 : i == 1 ? f1 : fHi[i - 2];
        }

        void fwd(int i, Node n) {
            if (i == 0) f0 = n;
            else if (i == 1) f1 = n;
            else fHi[i - 2] = n;
        }

        int span(int i) {
            return i == 0 ? s0 : i == 1 ? s1 : sHi[i - 2];
        }

        void span(int i, int s) {
            if (i == 0) s0 = s;
            else if (i == 1) s1 = s;
            else sHi[i - 2] = s;
        }

        int level() {
            return level;
        }

        void clearLinks() {
            f0 = f1 = null;
            s0 = s1 = 0;
            if (fHi != null) {
                Arrays.fill(fHi, null);
                Arrays.fill(sHi, 0);
            }
            backward = null;
        }
    }

    private final Node header = new Node(new byte[0], 0, 0, MAX_LEVEL);
    private Node tail;
    private int length;
    private int level = 1;
    final Dict<Node> dict = new Dict<>();
    // scratch vectors for insert/delete (one owner thread, never static: servers in one JVM are apart)
    private final Node[] update = new Node[MAX_LEVEL];
    private final int[] rank = new int[MAX_LEVEL];

    int size() {
        return length;
    }

    Node head() {
        return header.f0;
    }

    Node tail() {
        return tail;
    }

    static int compare(double s1, byte[] m1, double s2, byte[] m2) {
        if (s1 < s2) return -1;
        if (s1 > s2) return 1;
        return Arrays.compareUnsigned(m1, m2);
    }

    private static boolean less(Node n, double score, byte[] member) {
        return n.score < score || (n.score == score && Arrays.compareUnsigned(n.key, member) < 0);
    }

    /** zslRandomLevel: p = 1/4, at most 32. */
    private static int randomLevel() {
        int lvl = 1;
        ThreadLocalRandom r = ThreadLocalRandom.current();
        while (lvl < MAX_LEVEL && (r.nextInt() & 0xFFFF) < 0xFFFF / 4) lvl++;
        return lvl;
    }

    Node find(byte[] member) {
        return dict.get(member);
    }

    /** Adds a member known to be absent. */
    Node insert(byte[] member, double score) {
        Node n = new Node(member, Dict.hash(member), score, randomLevel());
        link(n);
        dict.add(n);
        return n;
    }

    private void link(Node n) {
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            rank[i] = i == level - 1 ? 0 : rank[i + 1];
            for (Node y; (y = x.fwd(i)) != null && less(y, n.score, n.key); x = y) rank[i] += x.span(i);
            update[i] = x;
        }
        int lvl = n.level();
        if (lvl > level) {
            for (int i = level; i < lvl; i++) {
                rank[i] = 0;
                update[i] = header;
                header.span(i, length);
            }
            level = lvl;
        }
        for (int i = 0; i < lvl; i++) {
            Node u = update[i];
            n.fwd(i, u.fwd(i));
            u.fwd(i, n);
            n.span(i, u.span(i) - (rank[0] - rank[i]));
            u.span(i, rank[0] - rank[i] + 1);
        }
        for (int i = lvl; i < level; i++) update[i].span(i, update[i].span(i) + 1);
        n.backward = update[0] == header ? null : update[0];
        if (n.fwd(0) != null) n.fwd(0).backward = n;
        else tail = n;
        length++;
        Arrays.fill(update, null);
    }

    /** Fills {@link #update} with the last nodes before n at each level. */
    private void findUpdate(Node n) {
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            Node y;
            while ((y = x.fwd(i)) != null && less(y, n.score, n.key)) x = y;
            update[i] = x;
        }
    }

    private void unlink(Node x) {
        for (int i = 0; i < level; i++) {
            Node u = update[i];
            if (u.fwd(i) == x) {
                u.span(i, u.span(i) + x.span(i) - 1);
                u.fwd(i, x.fwd(i));
            } else {
                u.span(i, u.span(i) - 1);
            }
        }
        if (x.fwd(0) != null) x.fwd(0).backward = x.backward;
        else tail = x.backward;
        while (level > 1 && header.fwd(level - 1) == null) level--;
        length--;
    }

    boolean remove(byte[] member) {
        Node n = dict.remove(member);
        if (n == null) return false;
        findUpdate(n);
        unlink(n);
        Arrays.fill(update, null);
        return true;
    }

    /** zslUpdateScore: moves the node only when its position changes. */
    void updateScore(Node n, double score) {
        Node prev = n.backward;
        Node next = n.fwd(0);
        if ((prev == null || compare(prev.score, prev.key, score, n.key) < 0)
                && (next == null || compare(next.score, next.key, score, n.key) > 0)) {
            n.score = score;
            return;
        }
        findUpdate(n);
        unlink(n);
        n.clearLinks();
        n.score = score;
        link(n);
    }

    /** 0-based rank of a present node. */
    int rankOf(Node n) {
        int r = 0;
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            for (Node y; (y = x.fwd(i)) != null && (y.score < n.score
                    || (y.score == n.score && Arrays.compareUnsigned(y.key, n.key) <= 0)); x = y) {
                r += x.span(i);
            }
            if (x == n) return r - 1;
        }
        throw new IllegalStateException("node not in skiplist");
    }

    /** The node at 0-based rank r (0 <= r < size). */
    Node at(int r) {
        int target = r + 1;
        int traversed = 0;
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.fwd(i) != null && traversed + x.span(i) <= target) {
                traversed += x.span(i);
                x = x.fwd(i);
            }
            if (traversed == target) return x;
        }
        throw new IndexOutOfBoundsException(Integer.toString(r));
    }

    /** Number of elements whose score is below the range's min (the index of the first in range). */
    int countBelow(double min, boolean minEx) {
        int r = 0;
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            for (Node y; (y = x.fwd(i)) != null && (minEx ? y.score <= min : y.score < min); x = y) r += x.span(i);
        }
        return r;
    }

    /** Number of elements whose score is within the range's max (the index after the last in range). */
    int countUpTo(double max, boolean maxEx) {
        int r = 0;
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            for (Node y; (y = x.fwd(i)) != null && (maxEx ? y.score < max : y.score <= max); x = y) r += x.span(i);
        }
        return r;
    }

    int lexCountBelow(LexBound min) {
        int r = 0;
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            for (Node y; (y = x.fwd(i)) != null && !min.gteMin(y.key); x = y) r += x.span(i);
        }
        return r;
    }

    int lexCountUpTo(LexBound max) {
        int r = 0;
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            for (Node y; (y = x.fwd(i)) != null && max.lteMax(y.key); x = y) r += x.span(i);
        }
        return r;
    }

    /** Removes the elements at 0-based ranks [from, to] from the list and the dict. */
    void removeRange(int from, int to) {
        int traversed = 0;
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.fwd(i) != null && traversed + x.span(i) <= from) {
                traversed += x.span(i);
                x = x.fwd(i);
            }
            update[i] = x;
        }
        x = x.fwd(0);
        for (int k = from; k <= to && x != null; k++) {
            Node next = x.fwd(0);
            unlink(x);
            dict.remove(x.key);
            x = next;
        }
        Arrays.fill(update, null);
    }
}
