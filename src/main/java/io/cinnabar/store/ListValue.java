package io.cinnabar.store;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A list value: a ring-buffer deque of {@code byte[]} elements, so push and pop at both ends are
 * O(1) and index access is O(1); inserts and removals in the middle move the shorter side.
 * Redis 7.0 encodes every list as a quicklist, so OBJECT ENCODING always says {@code quicklist}.
 * Elements are never mutated in place: a {@code byte[]} handed in is kept as is.
 */
public final class ListValue implements TypedValue {
    private static final byte[][] EMPTY = new byte[0][];
    private byte[][] elems;
    private int head;
    private int size;

    public ListValue() {
        elems = EMPTY;
    }

    /** A list holding {@code elements} in order (persistence rebuilding a list, tests). */
    public static ListValue of(byte[]... elements) {
        ListValue l = new ListValue();
        l.ensureCapacity(elements.length);
        for (byte[] e : elements) l.pushTail(e);
        return l;
    }

    @Override public ValueType type() {
        return ValueType.LIST;
    }

    @Override public String encoding() {
        return "quicklist";
    }

    @Override public long size() {
        return size;
    }

    public int length() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    @Override public ListValue copy() {
        ListValue l = new ListValue();
        l.elems = size == 0 ? EMPTY : new byte[capacityFor(size)][];
        for (int i = 0; i < size; i++) l.elems[i] = get(i);
        l.size = size;
        return l;
    }

    private static int capacityFor(int n) {
        int c = 8;
        while (c < n) c <<= 1;
        return c;
    }

    /** Makes room for {@code n} elements in total (a builder that knows the size). */
    public void ensureCapacity(int n) {
        if (n > elems.length) resize(capacityFor(n));
    }

    private void resize(int cap) {
        byte[][] a = new byte[cap][];
        int mask = elems.length - 1;
        for (int i = 0; i < size; i++) a[i] = elems[(head + i) & mask];
        elems = a;
        head = 0;
    }

    private int slot(int index) {
        return (head + index) & (elems.length - 1);
    }

    // ---- ends ----

    public void pushHead(byte[] v) {
        if (size == elems.length) resize(Math.max(8, elems.length << 1));
        head = (head - 1) & (elems.length - 1);
        elems[head] = v;
        size++;
    }

    public void pushTail(byte[] v) {
        if (size == elems.length) resize(Math.max(8, elems.length << 1));
        elems[slot(size)] = v;
        size++;
    }

    /** Removes and returns the first element, or null when empty. */
    public byte[] popHead() {
        if (size == 0) return null;
        byte[] v = elems[head];
        elems[head] = null;
        head = (head + 1) & (elems.length - 1);
        size--;
        maybeShrink();
        return v;
    }

    /** Removes and returns the last element, or null when empty. */
    public byte[] popTail() {
        if (size == 0) return null;
        int s = slot(size - 1);
        byte[] v = elems[s];
        elems[s] = null;
        size--;
        maybeShrink();
        return v;
    }

    private void maybeShrink() {
        if (size == 0) {
            elems = EMPTY;
            head = 0;
        } else if (elems.length > 64 && size < elems.length >>> 2) {
            resize(elems.length >>> 1);
        }
    }

    public byte[] first() {
        return size == 0 ? null : elems[head];
    }

    public byte[] last() {
        return size == 0 ? null : elems[slot(size - 1)];
    }

    // ---- by index (0-based, non-negative; callers convert Redis' negative indexes) ----

    public byte[] get(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
        return elems[slot(index)];
    }

    public void set(int index, byte[] v) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
        elems[slot(index)] = v;
    }

    /** Inserts {@code v} so it ends up at {@code index} (0..size), moving the shorter side. */
    public void insert(int index, byte[] v) {
        if (index < 0 || index > size) throw new IndexOutOfBoundsException(index);
        if (index == 0) {
            pushHead(v);
            return;
        }
        if (index == size) {
            pushTail(v);
            return;
        }
        if (size == elems.length) resize(elems.length << 1);
        if (index < size / 2) {
            head = (head - 1) & (elems.length - 1);
            for (int i = 0; i < index; i++) elems[slot(i)] = elems[slot(i + 1)];
        } else {
            for (int i = size; i > index; i--) elems[slot(i)] = elems[slot(i - 1)];
        }
        elems[slot(index)] = v;
        size++;
    }

    /** Removes the element at {@code index} and returns it, moving the shorter side. */
    public byte[] remove(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
        byte[] v = elems[slot(index)];
        if (index < size / 2) {
            for (int i = index; i > 0; i--) elems[slot(i)] = elems[slot(i - 1)];
            elems[head] = null;
            head = (head + 1) & (elems.length - 1);
        } else {
            for (int i = index; i < size - 1; i++) elems[slot(i)] = elems[slot(i + 1)];
            elems[slot(size - 1)] = null;
        }
        size--;
        maybeShrink();
        return v;
    }

    /** Keeps only the elements [start, end] (inclusive, already clamped to the list); LTRIM. */
    public void retain(int start, int end) {
        if (start > end || start >= size || end < 0) {
            clear();
            return;
        }
        int n = end - start + 1;
        for (int i = 0; i < start; i++) elems[slot(i)] = null;
        for (int i = end + 1; i < size; i++) elems[slot(i)] = null;
        head = slot(start);
        size = n;
        maybeShrink();
    }

    public void clear() {
        elems = EMPTY;
        head = 0;
        size = 0;
    }

    /**
     * Removes up to {@code count} elements equal to {@code v} (0 = all), scanning from the head,
     * or from the tail when {@code fromTail}; LREM. Returns how many were removed. O(n).
     */
    public int removeMatching(byte[] v, long count, boolean fromTail) {
        if (size == 0) return 0;
        boolean[] drop = new boolean[size];
        int removed = 0;
        if (!fromTail) {
            for (int i = 0; i < size && (count == 0 || removed < count); i++) {
                if (Arrays.equals(elems[slot(i)], v)) {
                    drop[i] = true;
                    removed++;
                }
            }
        } else {
            for (int i = size - 1; i >= 0 && (count == 0 || removed < count); i--) {
                if (Arrays.equals(elems[slot(i)], v)) {
                    drop[i] = true;
                    removed++;
                }
            }
        }
        if (removed == 0) return 0;
        int w = 0;
        for (int i = 0; i < size; i++) {
            if (!drop[i]) elems[slot(w++)] = elems[slot(i)];
        }
        for (int i = w; i < size; i++) elems[slot(i)] = null;
        size = w;
        maybeShrink();
        return removed;
    }

    /** Index of the first element equal to {@code v}, or -1. */
    public int indexOf(byte[] v) {
        for (int i = 0; i < size; i++) if (Arrays.equals(elems[slot(i)], v)) return i;
        return -1;
    }

    // ---- iteration (persistence, LRANGE, DEBUG) ----

    /** Visits every element from head to tail. */
    public void forEach(Consumer<byte[]> visitor) {
        for (int i = 0; i < size; i++) visitor.accept(elems[slot(i)]);
    }

    /** The elements in order, as a new array. */
    public byte[][] toArray() {
        byte[][] a = new byte[size][];
        for (int i = 0; i < size; i++) a[i] = elems[slot(i)];
        return a;
    }

    /** Approximate bytes held (memory accounting, MEMORY USAGE). */
    public long bytes() {
        long n = 16 + 16 + 8L * elems.length;
        for (int i = 0; i < size; i++) n += 16 + elems[slot(i)].length;
        return n;
    }
}
