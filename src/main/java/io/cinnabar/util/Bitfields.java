package io.cinnabar.util;

/**
 * BITFIELD's integer access and overflow arithmetic (Redis' bitops.c): big-endian bit order, fields
 * of 1..64 bits (signed) or 1..63 bits (unsigned) at any bit offset, and the WRAP/SAT/FAIL policies.
 */
public final class Bitfields {
    private Bitfields() {}

    public static final int WRAP = 0, SAT = 1, FAIL = 2;

    /** The unsigned field at offset; bytes at or past {@code len} read as zero. */
    public static long getUnsigned(byte[] p, int len, long offset, int bits) {
        long v = 0;
        for (int j = 0; j < bits; j++, offset++) {
            long index = offset >> 3;
            int bit = index < len ? (p[(int) index] >> (7 - (int) (offset & 7))) & 1 : 0;
            v = (v << 1) | bit;
        }
        return v;
    }

    public static long getSigned(byte[] p, int len, long offset, int bits) {
        long v = getUnsigned(p, len, offset, bits);
        if (bits < 64 && (v & (1L << (bits - 1))) != 0) v |= -1L << bits; // sign-extend
        return v;
    }

    /** Writes the low {@code bits} bits of value at offset (the array must be long enough). */
    public static void set(byte[] p, long offset, int bits, long value) {
        for (int j = 0; j < bits; j++, offset++) {
            int bitval = (int) (value >>> (bits - 1 - j)) & 1;
            int index = (int) (offset >> 3);
            int shift = 7 - (int) (offset & 7);
            p[index] = (byte) ((p[index] & ~(1 << shift)) | (bitval << shift));
        }
    }

    /**
     * checkUnsignedBitfieldOverflow: 0 when value+incr fits, 1 on overflow, -1 on underflow; then
     * {@code limit[0]} holds the wrapped (WRAP) or saturated (SAT) result. value is unsigned.
     */
    public static int checkUnsignedOverflow(long value, long incr, int bits, int owtype, long[] limit) {
        long max = (1L << bits) - 1; // bits <= 63
        long maxincr = max - value;
        long minincr = -value;
        if (Long.compareUnsigned(value, max) > 0 || (incr > 0 && incr > maxincr)) {
            if (owtype == WRAP) limit[0] = (value + incr) & max;
            else if (owtype == SAT) limit[0] = max;
            return 1;
        } else if (incr < 0 && incr < minincr) {
            if (owtype == WRAP) limit[0] = (value + incr) & max;
            else if (owtype == SAT) limit[0] = 0;
            return -1;
        }
        return 0;
    }

    /** checkSignedBitfieldOverflow, as {@link #checkUnsignedOverflow} for signed fields of 1..64 bits. */
    public static int checkSignedOverflow(long value, long incr, int bits, int owtype, long[] limit) {
        long max = bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
        long min = -max - 1;
        long maxincr = max - value; // may wrap: only used once value is known to be in range
        long minincr = min - value;
        if (value > max || (bits != 64 && incr > maxincr) || (value >= 0 && incr > 0 && incr > maxincr)) {
            if (owtype == WRAP) limit[0] = wrapSigned(value, incr, bits);
            else if (owtype == SAT) limit[0] = max;
            return 1;
        } else if (value < min || (bits != 64 && incr < minincr) || (value < 0 && incr < 0 && incr < minincr)) {
            if (owtype == WRAP) limit[0] = wrapSigned(value, incr, bits);
            else if (owtype == SAT) limit[0] = min;
            return -1;
        }
        return 0;
    }

    private static long wrapSigned(long value, long incr, int bits) {
        long c = value + incr;
        if (bits < 64) {
            long mask = -1L << bits;
            if ((c & (1L << (bits - 1))) != 0) c |= mask;
            else c &= ~mask;
        }
        return c;
    }
}
