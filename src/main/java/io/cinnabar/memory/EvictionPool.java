package io.cinnabar.memory;

/**
 * Redis' eviction pool (evict.c, EVPOOL_SIZE 16): the best candidates seen so far across sampling
 * rounds, ordered by ascending idle score (LRU idle time, 255 minus the LFU counter, or the
 * inverse of the expire time for volatile-ttl), so the best key to evict sits at the right end.
 * Keys are kept by name: an entry whose key meanwhile vanished is a ghost, skipped on pick.
 */
final class EvictionPool {
    static final int SIZE = 16;

    private final long[] idle = new long[SIZE];
    private final byte[][] keys = new byte[SIZE][];
    private final int[] dbs = new int[SIZE];

    /** evictionPoolPopulate's insertion of one sampled key. */
    void offer(long score, byte[] key, int db) {
        int k = 0;
        while (k < SIZE && keys[k] != null && idle[k] < score) k++;
        if (k == 0 && keys[SIZE - 1] != null) return; // worse than every candidate in a full pool
        if (k < SIZE && keys[k] == null) {
            // empty slot: insert here
        } else if (keys[SIZE - 1] == null) {
            // free room on the right: shift the tail right from k
            System.arraycopy(idle, k, idle, k + 1, SIZE - k - 1);
            System.arraycopy(keys, k, keys, k + 1, SIZE - k - 1);
            System.arraycopy(dbs, k, dbs, k + 1, SIZE - k - 1);
        } else {
            // full: drop the leftmost (worst) candidate and shift left
            k--;
            System.arraycopy(idle, 1, idle, 0, k);
            System.arraycopy(keys, 1, keys, 0, k);
            System.arraycopy(dbs, 1, dbs, 0, k);
        }
        idle[k] = score;
        keys[k] = key;
        dbs[k] = db;
    }

    /** Index of the best remaining candidate, -1 when empty. */
    int best() {
        for (int k = SIZE - 1; k >= 0; k--) if (keys[k] != null) return k;
        return -1;
    }

    byte[] key(int k) {
        return keys[k];
    }

    int db(int k) {
        return dbs[k];
    }

    void remove(int k) {
        keys[k] = null;
        idle[k] = 0;
    }

    void clear() {
        for (int k = 0; k < SIZE; k++) remove(k);
    }
}
