package io.cinnabar.store;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Redis' dict: a chained hash table of byte-string keys with power-of-two sizes, grown and shrunk
 * by incremental rehashing (two tables while a rehash is in progress, a few buckets moved per
 * operation and per cron tick), and SCAN's reverse-binary cursor, which returns every element
 * present for the whole scan at least once even when the table is resized between calls.
 * <p>
 * Entries are intrusive ({@link DictEntry} subclasses), so an element costs one object plus its key.
 * Not thread-safe: owned by the thread that owns the keyspace.
 */
public final class Dict<E extends DictEntry> {
    private static final int INITIAL = 4;
    /** dict_force_resize_ratio: grow even while resizing is discouraged once this full. */
    private static final int FORCE_RATIO = 5;

    private DictEntry[] t0 = null;
    private DictEntry[] t1 = null;
    private int size0;
    private int size1;
    private int rehashIdx = -1;
    private int pauseRehash;
    private boolean resizeAllowed = true;

    public static int hash(byte[] key) {
        return Hashing.hash(key, 0, key.length);
    }

    public int size() {
        return size0 + size1;
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** Buckets of the main table (plus the new one while rehashing), as INFO/DEBUG show. */
    public int buckets() {
        return (t0 == null ? 0 : t0.length) + (t1 == null ? 0 : t1.length);
    }

    public boolean isRehashing() {
        return rehashIdx != -1;
    }

    /** Disallows growth (a snapshot or child would want fewer copies); forced past 5:1 anyway. */
    public void resizeAllowed(boolean allowed) {
        this.resizeAllowed = allowed;
    }

    // ---- lookup ----

    public E get(byte[] key) {
        if (size() == 0) return null;
        int h = hash(key);
        if (rehashIdx != -1) rehashStep();
        E e = find(t0, key, h);
        if (e == null && t1 != null) e = find(t1, key, h);
        return e;
    }

    @SuppressWarnings("unchecked")
    private E find(DictEntry[] t, byte[] key, int h) {
        if (t == null) return null;
        DictEntry e = t[h & (t.length - 1)];
        while (e != null) {
            if (e.hash == h && Arrays.equals(e.key, key)) return (E) e;
            e = e.next;
        }
        return null;
    }

    public boolean contains(byte[] key) {
        return get(key) != null;
    }

    // ---- mutation ----

    /** Adds an entry whose key is known to be absent. */
    public void add(E entry) {
        if (rehashIdx != -1) rehashStep();
        expandIfNeeded();
        if (rehashIdx != -1) {
            insert(t1, entry);
            size1++;
        } else {
            insert(t0, entry);
            size0++;
        }
    }

    /** Adds or replaces the entry with the same key; returns the replaced entry or null. */
    public E put(E entry) {
        E old = remove(entry.key);
        add(entry);
        return old;
    }

    private static void insert(DictEntry[] t, DictEntry e) {
        int i = e.hash & (t.length - 1);
        e.next = t[i];
        t[i] = e;
    }

    public E remove(byte[] key) {
        if (size() == 0) return null;
        int h = hash(key);
        if (rehashIdx != -1) rehashStep();
        E e = unlink(t0, key, h);
        if (e != null) {
            size0--;
        } else if (t1 != null) {
            e = unlink(t1, key, h);
            if (e != null) size1--;
        }
        return e;
    }

    @SuppressWarnings("unchecked")
    private E unlink(DictEntry[] t, byte[] key, int h) {
        if (t == null) return null;
        int i = h & (t.length - 1);
        DictEntry prev = null;
        DictEntry e = t[i];
        while (e != null) {
            if (e.hash == h && Arrays.equals(e.key, key)) {
                if (prev == null) t[i] = e.next;
                else prev.next = e.next;
                e.next = null;
                return (E) e;
            }
            prev = e;
            e = e.next;
        }
        return null;
    }

    /**
     * Swaps in {@code replacement} for the entry of the same key, keeping its place in the chain
     * (so an in-progress SCAN is unaffected). The key must be present.
     */
    public void replace(E old, E replacement) {
        DictEntry[] t = bucketTableOf(old);
        int i = old.hash & (t.length - 1);
        DictEntry prev = null;
        for (DictEntry e = t[i]; e != null; prev = e, e = e.next) {
            if (e == old) {
                replacement.next = e.next;
                if (prev == null) t[i] = replacement;
                else prev.next = replacement;
                old.next = null;
                return;
            }
        }
        throw new IllegalStateException("entry not in dict");
    }

    private DictEntry[] bucketTableOf(DictEntry x) {
        if (t0 != null) {
            for (DictEntry e = t0[x.hash & (t0.length - 1)]; e != null; e = e.next) if (e == x) return t0;
        }
        return t1;
    }

    public void clear() {
        t0 = null;
        t1 = null;
        size0 = size1 = 0;
        rehashIdx = -1;
    }

    // ---- resizing ----

    private void expandIfNeeded() {
        if (rehashIdx != -1) return;
        if (t0 == null) {
            t0 = new DictEntry[INITIAL];
            return;
        }
        if (size0 >= t0.length && (resizeAllowed || size0 / t0.length > FORCE_RATIO)) {
            startRehash(nextPower(size0 + 1));
        }
    }

    /** Shrinks to fit when less than 10% full (Redis' htNeedsResize + dictResize); called from cron. */
    public void shrinkIfNeeded() {
        if (t0 == null || rehashIdx != -1 || !resizeAllowed) return;
        long used = size0;
        if (t0.length > INITIAL && used * 100 / t0.length < 10) {
            startRehash(nextPower((int) Math.max(used, INITIAL)));
        }
    }

    private void startRehash(int newSize) {
        if (newSize == t0.length) return;
        t1 = new DictEntry[newSize];
        size1 = 0;
        rehashIdx = 0;
    }

    private static int nextPower(int n) {
        int s = INITIAL;
        while (s < n && s < (1 << 30)) s <<= 1;
        return s;
    }

    private void rehashStep() {
        if (pauseRehash == 0) rehash(1);
    }

    /** Moves up to n buckets to the new table (visiting at most 10n empty ones); true if more remain. */
    public boolean rehash(int n) {
        if (rehashIdx == -1) return false;
        int emptyVisits = n * 10;
        while (n-- > 0 && size0 != 0) {
            while (t0[rehashIdx] == null) {
                rehashIdx++;
                if (--emptyVisits == 0) return true;
            }
            DictEntry e = t0[rehashIdx];
            while (e != null) {
                DictEntry next = e.next;
                insert(t1, e);
                size0--;
                size1++;
                e = next;
            }
            t0[rehashIdx] = null;
            rehashIdx++;
        }
        if (size0 == 0) {
            t0 = t1;
            size0 = size1;
            t1 = null;
            size1 = 0;
            rehashIdx = -1;
            return false;
        }
        return true;
    }

    /** Rehashes in batches of 100 buckets for about {@code millis} ms (Redis' dictRehashMilliseconds). */
    public void rehashMillis(long millis) {
        if (pauseRehash > 0) return;
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (rehash(100)) {
            if (System.nanoTime() > deadline) break;
        }
    }

    // ---- iteration ----

    /**
     * Visits every entry. The visitor must not add or remove entries; use {@link #scan} or collect
     * keys first for that.
     */
    @SuppressWarnings("unchecked")
    public void forEach(Consumer<? super E> visitor) {
        pauseRehash++;
        try {
            for (DictEntry[] t : new DictEntry[][] {t0, t1}) {
                if (t == null) continue;
                for (DictEntry head : t) {
                    for (DictEntry e = head; e != null; ) {
                        DictEntry next = e.next;
                        visitor.accept((E) e);
                        e = next;
                    }
                }
            }
        } finally {
            pauseRehash--;
        }
    }

    /**
     * One SCAN step (dictScan): visits the bucket(s) for {@code cursor} and returns the next
     * cursor, 0 when the scan is complete. Uses the reverse-binary increment so the guarantees hold
     * across resizes.
     */
    @SuppressWarnings("unchecked")
    public long scan(long cursor, Consumer<? super E> visitor) {
        if (size() == 0) return 0;
        pauseRehash++;
        try {
            long v = cursor;
            if (rehashIdx == -1) {
                long m0 = t0.length - 1;
                visitBucket(t0, (int) (v & m0), visitor);
                v |= ~m0;
                v = rev(v);
                v++;
                v = rev(v);
            } else {
                DictEntry[] small = t0;
                DictEntry[] large = t1;
                if (small.length > large.length) {
                    small = t1;
                    large = t0;
                }
                long m0 = small.length - 1;
                long m1 = large.length - 1;
                visitBucket(small, (int) (v & m0), visitor);
                do {
                    visitBucket(large, (int) (v & m1), visitor);
                    v |= ~m1;
                    v = rev(v);
                    v++;
                    v = rev(v);
                } while ((v & (m0 ^ m1)) != 0);
            }
            return v;
        } finally {
            pauseRehash--;
        }
    }

    @SuppressWarnings("unchecked")
    private void visitBucket(DictEntry[] t, int i, Consumer<? super E> visitor) {
        for (DictEntry e = t[i]; e != null; ) {
            DictEntry next = e.next;
            visitor.accept((E) e);
            e = next;
        }
    }

    private static long rev(long v) {
        return Long.reverse(v);
    }

    // ---- sampling ----

    /**
     * Visits the chain of bucket {@code index} (masked to each table's size) of the table and,
     * while rehashing, of the new table too: the active expiry cycle's sequential walk. The
     * visitor may remove the entry it is given. Returns the number of buckets checked.
     */
    public int visitBucketsAt(long index, Consumer<? super E> visitor) {
        if (t0 == null) return 1;
        pauseRehash++;
        try {
            visitBucket(t0, (int) (index & (t0.length - 1)), visitor);
            if (t1 == null) return 1;
            visitBucket(t1, (int) (index & (t1.length - 1)), visitor);
            return 2;
        } finally {
            pauseRehash--;
        }
    }

    /** A random entry (dictGetFairRandomKey-like), or null when empty. */
    @SuppressWarnings("unchecked")
    public E random() {
        if (size() == 0) return null;
        if (rehashIdx != -1) rehashStep();
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        DictEntry head;
        do {
            if (rehashIdx != -1) {
                int total = t0.length + t1.length;
                int i = rehashIdx + rnd.nextInt(total - rehashIdx);
                head = i >= t0.length ? t1[i - t0.length] : t0[i];
            } else {
                head = t0[rnd.nextInt(t0.length)];
            }
        } while (head == null);
        int len = 0;
        for (DictEntry e = head; e != null; e = e.next) len++;
        int pick = rnd.nextInt(len);
        DictEntry e = head;
        while (pick-- > 0) e = e.next;
        return (E) e;
    }

    /**
     * A random entry as Redis' dictGetFairRandomKey picks it: one of up to 20 entries sampled from
     * a random region, which evens out the bias of {@link #random()} towards short chains
     * (SRANDMEMBER, HRANDFIELD and SPOP rely on it for their distribution).
     */
    @SuppressWarnings("unchecked")
    public E fairRandom() {
        Object[] picked = new Object[20];
        int[] n = {0};
        sample(20, e -> picked[n[0]++] = e);
        if (n[0] == 0) return random();
        return (E) picked[ThreadLocalRandom.current().nextInt(n[0])];
    }

    /**
     * Visits up to {@code count} entries from a random region of the table (dictGetSomeKeys):
     * cheaper than {@code count} calls to {@link #random()}, not uniformly distributed, possibly
     * fewer than asked. Used by the active expiry cycle and eviction.
     */
    @SuppressWarnings("unchecked")
    public int sample(int count, Consumer<? super E> visitor) {
        int sz = size();
        if (sz == 0) return 0;
        if (count > sz) count = sz;
        for (int j = 0; j < count && rehashIdx != -1; j++) rehashStep();
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        DictEntry[][] tables = rehashIdx != -1 ? new DictEntry[][] {t0, t1} : new DictEntry[][] {t0};
        int maxMask = 0;
        for (DictEntry[] t : tables) maxMask = Math.max(maxMask, t.length - 1);
        int i = rnd.nextInt(maxMask + 1);
        int stored = 0;
        int emptyLen = 0;
        int maxSteps = count * 10;
        pauseRehash++;
        try {
            while (stored < count && maxSteps-- > 0) {
                for (int ti = 0; ti < tables.length; ti++) {
                    DictEntry[] t = tables[ti];
                    if (tables.length == 2 && ti == 0 && i < rehashIdx) {
                        if (i >= t1.length) i = rehashIdx;
                        continue;
                    }
                    if (i >= t.length) continue;
                    DictEntry e = t[i];
                    if (e == null) {
                        emptyLen++;
                        if (emptyLen >= 5 && emptyLen > count) {
                            i = rnd.nextInt(maxMask + 1);
                            emptyLen = 0;
                        }
                    } else {
                        emptyLen = 0;
                        while (e != null && stored < count) {
                            DictEntry next = e.next;
                            visitor.accept((E) e);
                            stored++;
                            e = next;
                        }
                    }
                }
                i = (i + 1) & maxMask;
            }
        } finally {
            pauseRehash--;
        }
        return stored;
    }
}
