package io.cinnabar.store;

import java.util.Arrays;

/**
 * A string value that grows in place (APPEND, SETRANGE, SETBIT), with spare capacity like an sds
 * string, so repeated appends are amortized O(1). OBJECT ENCODING reports it as "raw".
 * Plain SET values are stored as exact {@code byte[]} instead.
 */
public final class MutableString {
    private byte[] buf;
    private int len;

    public MutableString(byte[] initial, int extra) {
        this.buf = Arrays.copyOf(initial, initial.length + extra);
        this.len = initial.length;
    }

    private MutableString(byte[] exact) {
        this.buf = exact;
        this.len = exact.length;
    }

    /** Takes ownership of {@code exact} (no copy, no spare room). */
    public static MutableString wrap(byte[] exact) {
        return new MutableString(exact);
    }

    public byte[] buf() {
        return buf;
    }

    public int length() {
        return len;
    }

    public void append(byte[] b) {
        ensure(len + b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
    }

    /** Grows to at least n bytes, zero-filled (SETRANGE/SETBIT past the end). */
    public void extendTo(int n) {
        if (n <= len) return;
        ensure(n);
        Arrays.fill(buf, len, n, (byte) 0);
        len = n;
    }

    private void ensure(int cap) {
        if (cap > buf.length) {
            // sdsMakeRoomFor's greedy policy: double below 1MB, then add 1MB.
            int newCap = cap < 1024 * 1024 ? cap * 2 : cap + 1024 * 1024;
            buf = Arrays.copyOf(buf, newCap);
        }
    }

    /** Sets the length: truncates, or grows zero-filled (sdsIncrLen, for in-place encodings such as HLL). */
    public void setLength(int n) {
        if (n > len) extendTo(n);
        else len = n;
    }

    /** Makes room for at least {@code cap} bytes without changing the length (sdsMakeRoomFor). */
    public void ensureCapacity(int cap) {
        ensure(cap);
    }

    /** Replaces the content with {@code exact} (taking ownership): an encoding conversion in place. */
    public void reset(byte[] exact) {
        buf = exact;
        len = exact.length;
    }

    public byte[] toBytes() {
        return Arrays.copyOf(buf, len);
    }
}
