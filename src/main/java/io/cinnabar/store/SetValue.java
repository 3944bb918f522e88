package io.cinnabar.store;

import io.cinnabar.util.Numbers;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * A set of byte strings. A set whose members are all canonical integers (string2ll) and that holds
 * at most set-max-intset-entries of them is a sorted {@code long[]} (Redis' {@code intset}: binary
 * search, members listed in ascending order); otherwise a {@link Dict} of intrusive entries
 * ({@code hashtable}). Conversion is one way, as in Redis 7.0 (which has no listpack sets).
 */
public final class SetValue implements TypedValue {
    /** A member of a hashtable-encoded set. */
    public static final class Entry extends DictEntry {
        Entry(byte[] member) {
            super(member, Dict.hash(member));
        }
    }

    /** intset form: sorted, first {@code intSize} slots used; null once converted. */
    private long[] ints;
    private int intSize;
    private Dict<Entry> table;

    private SetValue(boolean intset) {
        if (intset) ints = new long[4];
        else table = new Dict<>();
    }

    /** An empty intset-encoded set (what SINTERSTORE and friends start from). */
    public static SetValue newIntset() {
        return new SetValue(true);
    }

    /** An empty hashtable-encoded set. */
    public static SetValue newTable() {
        return new SetValue(false);
    }

    /** setTypeCreate: an intset if the first member is an integer, else a hashtable. */
    public static SetValue createFor(byte[] firstMember) {
        return new SetValue(Numbers.isLong(firstMember));
    }

    @Override public ValueType type() {
        return ValueType.SET;
    }

    @Override public String encoding() {
        return ints != null ? "intset" : "hashtable";
    }

    public boolean isIntset() {
        return ints != null;
    }

    @Override public long size() {
        return ints != null ? intSize : table.size();
    }

    private int find(long v) {
        return Arrays.binarySearch(ints, 0, intSize, v);
    }

    public boolean contains(byte[] member) {
        if (ints != null) {
            long v = Numbers.parseLongOr(member, Long.MIN_VALUE);
            if (v == Long.MIN_VALUE && !Numbers.isLong(member)) return false;
            return find(v) >= 0;
        }
        return table.contains(member);
    }

    /**
     * setTypeAdd: true when added. An intset given a non-integer, or growing past
     * {@code maxIntsetEntries}, becomes a hashtable.
     */
    public boolean add(byte[] member, long maxIntsetEntries) {
        if (ints != null) {
            long v = Numbers.parseLongOr(member, Long.MIN_VALUE);
            if (v != Long.MIN_VALUE || Numbers.isLong(member)) {
                int i = find(v);
                if (i >= 0) return false;
                i = -i - 1;
                if (intSize == ints.length) ints = Arrays.copyOf(ints, intSize * 2);
                System.arraycopy(ints, i, ints, i + 1, intSize - i);
                ints[i] = v;
                intSize++;
                if (intSize > Math.min(maxIntsetEntries, 1 << 30)) convertToTable();
                return true;
            }
            convertToTable();
            table.add(new Entry(member));
            return true;
        }
        if (table.contains(member)) return false;
        table.add(new Entry(member));
        return true;
    }

    public boolean remove(byte[] member) {
        if (ints != null) {
            long v = Numbers.parseLongOr(member, Long.MIN_VALUE);
            if (v == Long.MIN_VALUE && !Numbers.isLong(member)) return false;
            int i = find(v);
            if (i < 0) return false;
            removeIntAt(i);
            return true;
        }
        if (table.remove(member) == null) return false;
        table.shrinkIfNeeded();
        return true;
    }

    private void removeIntAt(int i) {
        System.arraycopy(ints, i + 1, ints, i, intSize - i - 1);
        intSize--;
    }

    /** Converts to the hashtable encoding (one way). */
    public void convertToTable() {
        if (ints == null) return;
        Dict<Entry> d = new Dict<>();
        for (int i = 0; i < intSize; i++) d.add(new Entry(Numbers.longToBytes(ints[i])));
        table = d;
        ints = null;
        intSize = 0;
    }

    // ---- iteration (also used by persistence) ----

    /** Visits every member (an intset in ascending order); the visitor must not modify the set. */
    public void forEach(Consumer<byte[]> visitor) {
        if (ints != null) {
            for (int i = 0; i < intSize; i++) visitor.accept(Numbers.longToBytes(ints[i]));
        } else {
            table.forEach(e -> visitor.accept(e.key));
        }
    }

    /** The members of an intset as longs, ascending (intset encoding only). */
    public long[] intsView() {
        return ints == null ? null : Arrays.copyOf(ints, intSize);
    }

    /** One SSCAN step: an intset is returned whole with cursor 0, as Redis does. */
    public long scan(long cursor, Consumer<byte[]> visitor) {
        if (ints != null) {
            forEach(visitor);
            return 0;
        }
        return table.scan(cursor, e -> visitor.accept(e.key));
    }

    /** A uniformly random member, or null when empty. */
    public byte[] random() {
        if (ints != null) {
            if (intSize == 0) return null;
            return Numbers.longToBytes(ints[ThreadLocalRandom.current().nextInt(intSize)]);
        }
        Entry e = table.fairRandom();
        return e == null ? null : e.key;
    }

    /** Removes and returns a random member (SPOP), or null when empty. */
    public byte[] pop() {
        if (ints != null) {
            if (intSize == 0) return null;
            int i = ThreadLocalRandom.current().nextInt(intSize);
            byte[] m = Numbers.longToBytes(ints[i]);
            removeIntAt(i);
            return m;
        }
        Entry e = table.fairRandom();
        if (e == null) return null;
        table.remove(e.key);
        table.shrinkIfNeeded();
        return e.key;
    }

    /** The underlying dict (hashtable encoding), or null for an intset. */
    public Dict<Entry> table() {
        return table;
    }

    @Override public SetValue copy() {
        SetValue s;
        if (ints != null) {
            s = new SetValue(true);
            s.ints = Arrays.copyOf(ints, Math.max(4, intSize));
            s.intSize = intSize;
        } else {
            s = new SetValue(false);
            Dict<Entry> d = s.table;
            table.forEach(e -> d.add(new Entry(e.key)));
        }
        return s;
    }
}
