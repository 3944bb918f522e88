package io.cinnabar.store;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * A hash: field → value. Small hashes are a compact array of alternating field/value byte strings
 * in insertion order (Redis' {@code listpack} encoding: linear search, order kept on delete);
 * once a hash holds more than hash-max-listpack-entries fields, or is given a field or value longer
 * than hash-max-listpack-value, it becomes a {@link Dict} of intrusive entries ({@code hashtable}),
 * one way, as Redis converts. Commands apply the limits; this class only holds the data.
 */
public final class HashValue implements TypedValue {
    /** A field of a hashtable-encoded hash: the field is the dict key. */
    public static final class Entry extends DictEntry {
        byte[] value;

        Entry(byte[] field, byte[] value) {
            super(field, Dict.hash(field));
            this.value = value;
        }

        public byte[] value() {
            return value;
        }
    }

    /** Receives a field and its value. */
    @FunctionalInterface
    public interface FieldVisitor {
        void accept(byte[] field, byte[] value);
    }

    /** listpack form: [f0, v0, f1, v1, ...]; null once converted. */
    private byte[][] lp;
    private int lpSize;
    private Dict<Entry> table;

    public HashValue() {
        lp = new byte[2][]; // one field and its value: most small hashes stay tiny
    }

    @Override public ValueType type() {
        return ValueType.HASH;
    }

    @Override public String encoding() {
        return lp != null ? "listpack" : "hashtable";
    }

    public boolean isCompact() {
        return lp != null;
    }

    @Override public long size() {
        return lp != null ? lpSize : table.size();
    }

    private int lpIndex(byte[] field) {
        byte[][] a = lp;
        for (int i = 0, n = lpSize * 2; i < n; i += 2) {
            if (Arrays.equals(a[i], field)) return i;
        }
        return -1;
    }

    public byte[] get(byte[] field) {
        if (lp != null) {
            int i = lpIndex(field);
            return i < 0 ? null : lp[i + 1];
        }
        Entry e = table.get(field);
        return e == null ? null : e.value;
    }

    public boolean contains(byte[] field) {
        return lp != null ? lpIndex(field) >= 0 : table.contains(field);
    }

    /**
     * Sets a field (hashTypeSet); true when it was created, false when an existing one was
     * overwritten. A compact hash given a field or value longer than {@code maxCompactValue}, or
     * growing past {@code maxCompactEntries} fields, becomes a hashtable.
     */
    public boolean set(byte[] field, byte[] value, long maxCompactEntries, long maxCompactValue) {
        if (lp != null && (field.length > maxCompactValue || value.length > maxCompactValue)) convertToTable();
        if (lp != null) {
            int i = lpIndex(field);
            if (i >= 0) {
                lp[i + 1] = value;
                return false;
            }
            if (lpSize * 2 + 2 > lp.length) lp = Arrays.copyOf(lp, lp.length * 2);
            lp[lpSize * 2] = field;
            lp[lpSize * 2 + 1] = value;
            lpSize++;
            if (lpSize > maxCompactEntries) convertToTable();
            return true;
        }
        Entry e = table.get(field);
        if (e != null) {
            e.value = value;
            return false;
        }
        table.add(new Entry(field, value));
        return true;
    }

    /** {@link #set(byte[], byte[], long, long)} without a length limit (loaders apply their own). */
    public boolean set(byte[] field, byte[] value, long maxCompactEntries) {
        return set(field, value, maxCompactEntries, Long.MAX_VALUE);
    }

    /** hashTypeTryConversion for one argument: a string longer than the limit makes the hash a hashtable. */
    public void convertIfLonger(byte[] arg, long maxCompactValue) {
        if (lp != null && arg.length > maxCompactValue) convertToTable();
    }

    public boolean delete(byte[] field) {
        if (lp != null) {
            int i = lpIndex(field);
            if (i < 0) return false;
            int n = lpSize * 2;
            System.arraycopy(lp, i + 2, lp, i, n - i - 2);
            lp[n - 2] = null;
            lp[n - 1] = null;
            lpSize--;
            return true;
        }
        if (table.remove(field) == null) return false;
        table.shrinkIfNeeded();
        return true;
    }

    /** Converts to the hashtable encoding (one way). */
    public void convertToTable() {
        if (lp == null) return;
        Dict<Entry> d = new Dict<>();
        for (int i = 0, n = lpSize * 2; i < n; i += 2) d.add(new Entry(lp[i], lp[i + 1]));
        table = d;
        lp = null;
        lpSize = 0;
    }

    // ---- iteration (also used by persistence) ----

    /** Visits every field; the visitor must not modify the hash. */
    public void forEach(FieldVisitor visitor) {
        if (lp != null) {
            for (int i = 0, n = lpSize * 2; i < n; i += 2) visitor.accept(lp[i], lp[i + 1]);
        } else {
            table.forEach(e -> visitor.accept(e.key, e.value));
        }
    }

    /**
     * One HSCAN step: a compact hash is returned whole with cursor 0 (as Redis does for listpack);
     * a hashtable advances the reverse-binary cursor.
     */
    public long scan(long cursor, FieldVisitor visitor) {
        if (lp != null) {
            forEach(visitor);
            return 0;
        }
        return table.scan(cursor, e -> visitor.accept(e.key, e.value));
    }

    /** The i-th field (compact encoding only, 0 ≤ i < size). */
    private int randomLpIndex() {
        return ThreadLocalRandom.current().nextInt(lpSize) * 2;
    }

    /** A uniformly random field with its value, as a two-element array; null when empty. */
    public byte[][] randomField() {
        if (size() == 0) return null;
        if (lp != null) {
            int i = randomLpIndex();
            return new byte[][] {lp[i], lp[i + 1]};
        }
        Entry e = table.fairRandom();
        return new byte[][] {e.key, e.value};
    }

    /** Visits a random field {@code count} times (repetitions allowed): HRANDFIELD with a negative count. */
    public void randomFields(long count, FieldVisitor visitor) {
        if (size() == 0) return;
        for (long k = 0; k < count; k++) {
            if (lp != null) {
                int i = randomLpIndex();
                visitor.accept(lp[i], lp[i + 1]);
            } else {
                Entry e = table.fairRandom();
                visitor.accept(e.key, e.value);
            }
        }
    }

    /** The underlying dict (hashtable encoding), or null when compact. */
    public Dict<Entry> table() {
        return table;
    }

    @Override public HashValue copy() {
        HashValue h = new HashValue();
        if (lp != null) {
            h.lp = Arrays.copyOf(lp, Math.max(8, lpSize * 2));
            h.lpSize = lpSize;
        } else {
            h.lp = null;
            Dict<Entry> d = new Dict<>();
            table.forEach(e -> d.add(new Entry(e.key, e.value)));
            h.table = d;
        }
        return h;
    }

    /** A builder for loaders: a hash known to need the hashtable encoding from the start. */
    public static HashValue newTable() {
        HashValue h = new HashValue();
        h.lp = null;
        h.table = new Dict<>();
        return h;
    }

    /** Visits the fields (without values): handy for SORT-free callers and tests. */
    public void forEachField(Consumer<byte[]> visitor) {
        forEach((f, v) -> visitor.accept(f));
    }
}
