package io.cinnabar.tracking;

/**
 * A set of client ids (positive longs): the clients that may cache one key. Open addressing with
 * linear probing; most keys are cached by one or a few clients, so it starts with four slots.
 */
final class IdSet {
    private long[] slots = new long[4];
    private int size;

    int size() {
        return size;
    }

    /** Adds {@code id} (> 0); false if it was already there. */
    boolean add(long id) {
        if ((size + 1) * 4 > slots.length * 3) grow();
        int mask = slots.length - 1;
        for (int i = mix(id) & mask; ; i = (i + 1) & mask) {
            long s = slots[i];
            if (s == id) return false;
            if (s == 0) {
                slots[i] = id;
                size++;
                return true;
            }
        }
    }

    /** The ids, in no particular order. */
    long[] toArray() {
        long[] out = new long[size];
        int n = 0;
        for (long s : slots) if (s != 0) out[n++] = s;
        return out;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        for (long s : old) if (s != 0) add(s);
    }

    private static int mix(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
