package io.cinnabar.store;

import java.util.Arrays;

/**
 * Redis' HyperLogLog, bit for bit (hyperloglog.c): a string value with a 16-byte header ("HYLL",
 * encoding, 3 unused bytes, the cached cardinality as 8 little-endian bytes whose top bit marks it
 * stale) followed by 16384 6-bit registers, either dense (12288 bytes, little-endian bit order) or
 * sparse (ZERO / XZERO / VAL run-length opcodes). Elements are hashed with MurmurHash64A seeded
 * 0xadc83b19; the estimator is Ertl's improved raw estimator, as Redis 7.0 uses.
 * <p>
 * Values live in a {@link MutableString} so that they are updated in place and stay plain strings
 * (DUMP/RESTORE and RDB files carry them unchanged to and from real Redis).
 */
public final class HyperLogLog {
    private HyperLogLog() {}

    public static final int P = 14, Q = 64 - P, REGISTERS = 1 << P, BITS = 6, REGISTER_MAX = (1 << BITS) - 1;
    public static final int HDR = 16, DENSE_SIZE = HDR + (REGISTERS * BITS + 7) / 8;
    public static final int DENSE = 0, SPARSE = 1;
    private static final int VAL_MAX_VALUE = 32, VAL_MAX_LEN = 4, ZERO_MAX_LEN = 64, XZERO_MAX_LEN = 16384;
    private static final double ALPHA_INF = 0.721347520444481703680;
    private static final long SEED = 0xadc83b19L;

    // ---- hashing ----

    /** MurmurHash64A as Redis has it (endian-neutral: 8-byte blocks read little-endian). */
    public static long murmurHash64A(byte[] key, int off, int len, long seed) {
        final long m = 0xc6a4a7935bd1e995L;
        final int r = 47;
        long h = seed ^ (len * m);
        int end = off + (len - (len & 7));
        int i = off;
        for (; i != end; i += 8) {
            long k = (key[i] & 0xffL) | (key[i + 1] & 0xffL) << 8 | (key[i + 2] & 0xffL) << 16
                    | (key[i + 3] & 0xffL) << 24 | (key[i + 4] & 0xffL) << 32 | (key[i + 5] & 0xffL) << 40
                    | (key[i + 6] & 0xffL) << 48 | (key[i + 7] & 0xffL) << 56;
            k *= m;
            k ^= k >>> r;
            k *= m;
            h ^= k;
            h *= m;
        }
        int rest = len & 7;
        if (rest > 0) {
            for (int j = rest - 1; j >= 0; j--) h ^= (key[i + j] & 0xffL) << (8 * j);
            h *= m;
        }
        h ^= h >>> r;
        h *= m;
        h ^= h >>> r;
        return h;
    }

    /** hllPatLen: the register index (high bits) and the length of the 0..01 run (low 8 bits). */
    static int patLen(byte[] ele, int off, int len) {
        long hash = murmurHash64A(ele, off, len, SEED);
        int index = (int) (hash & (REGISTERS - 1));
        hash >>>= P;
        hash |= 1L << Q;
        return index << 8 | (Long.numberOfTrailingZeros(hash) + 1);
    }

    // ---- header ----

    /** createHLLObject: an empty HLL in the sparse encoding (XZERO opcodes covering every register). */
    public static byte[] create() {
        int n = (REGISTERS + XZERO_MAX_LEN - 1) / XZERO_MAX_LEN;
        byte[] b = new byte[HDR + n * 2];
        b[0] = 'H';
        b[1] = 'Y';
        b[2] = 'L';
        b[3] = 'L';
        b[4] = SPARSE;
        int p = HDR;
        for (int aux = REGISTERS; aux > 0; p += 2) {
            int x = Math.min(XZERO_MAX_LEN, aux);
            setXZero(b, p, x);
            aux -= x;
        }
        return b;
    }

    /** isHLLObjectOrReply's checks on a string value: magic, encoding, and the dense length. */
    public static boolean isValid(byte[] b, int len) {
        if (len < HDR || b[0] != 'H' || b[1] != 'Y' || b[2] != 'L' || b[3] != 'L') return false;
        int enc = b[4] & 0xff;
        return enc <= SPARSE && (enc != DENSE || len == DENSE_SIZE);
    }

    public static int encoding(byte[] b) {
        return b[4] & 0xff;
    }

    public static boolean cacheValid(byte[] b) {
        return (b[15] & 0x80) == 0;
    }

    public static long cachedCard(byte[] b) {
        long c = 0;
        for (int i = 7; i >= 0; i--) c = c << 8 | (b[8 + i] & 0xffL);
        return c;
    }

    public static void setCachedCard(byte[] b, long card) {
        for (int i = 0; i < 8; i++) b[8 + i] = (byte) (card >>> (8 * i));
    }

    public static void invalidateCache(byte[] b) {
        b[15] |= (byte) 0x80;
    }

    // ---- dense registers ----

    static int denseGet(byte[] b, int reg) {
        int bit = reg * BITS;
        int at = HDR + (bit >> 3), fb = bit & 7;
        int b0 = b[at] & 0xff;
        int b1 = at + 1 < DENSE_SIZE ? b[at + 1] & 0xff : 0;
        return ((b0 >> fb) | (b1 << (8 - fb))) & REGISTER_MAX;
    }

    static void denseSetRaw(byte[] b, int reg, int val) {
        int bit = reg * BITS;
        int at = HDR + (bit >> 3), fb = bit & 7;
        b[at] = (byte) ((b[at] & ~(REGISTER_MAX << fb)) | (val << fb));
        if (at + 1 < DENSE_SIZE) {
            int fb8 = 8 - fb;
            b[at + 1] = (byte) ((b[at + 1] & ~(REGISTER_MAX >> fb8)) | (val >> fb8));
        }
    }

    /** hllDenseSet: raises the register to {@code count}; 1 if it changed. */
    static int denseSet(byte[] b, int reg, int count) {
        if (count > denseGet(b, reg)) {
            denseSetRaw(b, reg, count);
            return 1;
        }
        return 0;
    }

    // ---- sparse opcodes ----

    private static boolean isZero(int op) {
        return (op & 0xc0) == 0;
    }

    private static boolean isXZero(int op) {
        return (op & 0xc0) == 0x40;
    }

    private static int xzeroLen(byte[] b, int p, int end) {
        int lo = p + 1 < end ? b[p + 1] & 0xff : 0;
        return ((b[p] & 0x3f) << 8 | lo) + 1;
    }

    private static void setVal(byte[] b, int p, int val, int len) {
        b[p] = (byte) (((val - 1) << 2 | (len - 1)) | 0x80);
    }

    private static void setXZero(byte[] b, int p, int len) {
        int l = len - 1;
        b[p] = (byte) ((l >> 8) | 0x40);
        b[p + 1] = (byte) (l & 0xff);
    }

    /** Appends a ZERO or XZERO run of {@code len} registers at p; returns the next position. */
    private static int putZeros(byte[] seq, int p, int len) {
        if (len > ZERO_MAX_LEN) {
            setXZero(seq, p, len);
            return p + 2;
        }
        seq[p] = (byte) (len - 1);
        return p + 1;
    }

    private interface Runs {
        void run(int first, int len, int value);
    }

    /**
     * Walks the sparse opcodes after the header, handing runs (first register, length, value; 0 for
     * ZERO/XZERO) to {@code r}. With {@code stopAtOverflow} (the converters' mode) only VAL runs are
     * handed over, and one reaching past the last register ends the walk unvisited, as in Redis, so
     * visited registers are always in range. Returns the registers covered.
     */
    private static int walkSparse(byte[] b, int end, boolean stopAtOverflow, Runs r) {
        int idx = 0, p = HDR;
        while (p < end) {
            int op = b[p] & 0xff, n, val = 0;
            if (isZero(op)) {
                n = (op & 0x3f) + 1;
                p++;
            } else if (isXZero(op)) {
                n = xzeroLen(b, p, end);
                p += 2;
            } else {
                n = (op & 3) + 1;
                val = ((op >> 2) & 0x1f) + 1;
                if (stopAtOverflow && n + idx > REGISTERS) break;
                p++;
            }
            if (val > 0 || !stopAtOverflow) r.run(idx, n, val);
            idx += n;
        }
        return idx;
    }

    /** hllSparseToDense: converts in place; false if the sparse data is corrupt (the value is then unchanged). */
    public static boolean sparseToDense(MutableString s) {
        byte[] b = s.buf();
        if (encoding(b) == DENSE) return true;
        byte[] d = new byte[DENSE_SIZE];
        System.arraycopy(b, 0, d, 0, HDR);
        d[4] = DENSE;
        int idx = walkSparse(b, s.length(), true, (at, n, val) -> {
            if (val > 0) for (int k = 0; k < n; k++) denseSetRaw(d, at + k, val);
        });
        if (idx != REGISTERS) return false;
        s.reset(d);
        return true;
    }

    /**
     * hllSparseSet: raises register {@code index} to {@code count}, splitting and merging opcodes
     * in place, promoting to dense when the value does not fit a VAL opcode or the string would
     * grow past {@code maxBytes}. Returns 1 if changed, 0 if not, -1 if the data is corrupt.
     */
    static int sparseSet(MutableString s, int index, int count, long maxBytes) {
        if (count > VAL_MAX_VALUE) return promote(s, index, count);
        s.ensureCapacity(s.length() + 3);
        byte[] b = s.buf();
        int end = s.length();
        int p = HDR, first = 0, prev = -1, span = 0;
        while (p < end) {
            int op = b[p] & 0xff, oplen = 1;
            if (isZero(op)) span = (op & 0x3f) + 1;
            else if ((op & 0x80) != 0) span = (op & 3) + 1;
            else {
                span = xzeroLen(b, p, end);
                oplen = 2;
            }
            if (index <= first + span - 1) break;
            prev = p;
            p += oplen;
            first += span;
        }
        if (span == 0 || p >= end) return -1;
        int op = b[p] & 0xff;
        boolean zero = isZero(op), xzero = isXZero(op), val = !zero && !xzero;
        int next = xzero ? p + 2 : p + 1;
        if (next >= end) next = -1;
        int runlen = zero ? (op & 0x3f) + 1 : xzero ? xzeroLen(b, p, end) : (op & 3) + 1;
        boolean done = false;
        if (val) {
            int old = ((op >> 2) & 0x1f) + 1;
            if (old >= count) return 0;
            if (runlen == 1) {
                setVal(b, p, count, 1);
                done = true;
            }
        }
        if (!done && zero && runlen == 1) {
            setVal(b, p, count, 1);
            done = true;
        }
        if (!done) {
            byte[] seq = new byte[5];
            int n = 0, last = first + span - 1;
            if (zero || xzero) {
                if (index != first) n = putZeros(seq, n, index - first);
                setVal(seq, n++, count, 1);
                if (index != last) n = putZeros(seq, n, last - index);
            } else {
                int cur = ((op >> 2) & 0x1f) + 1;
                if (index != first) setVal(seq, n++, cur, index - first);
                setVal(seq, n++, count, 1);
                if (index != last) setVal(seq, n++, cur, last - index);
            }
            int delta = n - (xzero ? 2 : 1);
            if (delta > 0 && (long) end + delta > maxBytes) return promote(s, index, count);
            if (delta > 0) s.setLength(end + delta);
            if (delta != 0 && next >= 0) System.arraycopy(b, next, b, next + delta, end - next);
            if (delta < 0) s.setLength(end + delta);
            System.arraycopy(seq, 0, b, p, n);
            end += delta;
        }
        // Step 4: merge adjacent VAL opcodes of equal value around the change.
        p = prev >= 0 ? prev : HDR;
        int scanlen = 5;
        while (p < end && scanlen-- > 0) {
            int o = b[p] & 0xff;
            if (isXZero(o)) {
                p += 2;
                continue;
            } else if (isZero(o)) {
                p++;
                continue;
            }
            if (p + 1 < end && (b[p + 1] & 0x80) != 0) {
                int o2 = b[p + 1] & 0xff;
                int v1 = ((o >> 2) & 0x1f) + 1, v2 = ((o2 >> 2) & 0x1f) + 1;
                if (v1 == v2) {
                    int len = (o & 3) + 1 + (o2 & 3) + 1;
                    if (len <= VAL_MAX_LEN) {
                        setVal(b, p + 1, v1, len);
                        System.arraycopy(b, p + 1, b, p, end - p - 1);
                        end--;
                        s.setLength(end);
                        continue;
                    }
                }
            }
            p++;
        }
        invalidateCache(b);
        return 1;
    }

    private static int promote(MutableString s, int index, int count) {
        if (!sparseToDense(s)) return -1;
        denseSet(s.buf(), index, count);
        return 1;
    }

    /** hllAdd: adds one element; 1 if a register changed, 0 if not, -1 if the value is corrupt. */
    public static int add(MutableString s, byte[] ele, long sparseMaxBytes) {
        int pl = patLen(ele, 0, ele.length);
        int index = pl >>> 8, count = pl & 0xff;
        return switch (encoding(s.buf())) {
            case DENSE -> denseSet(s.buf(), index, count);
            case SPARSE -> sparseSet(s, index, count, sparseMaxBytes);
            default -> -1;
        };
    }

    /** Sets register {@code index} to at least {@code val} in either encoding (PFMERGE's write-back). */
    public static void setAtLeast(MutableString s, int index, int val, long sparseMaxBytes) {
        if (encoding(s.buf()) == DENSE) denseSet(s.buf(), index, val);
        else sparseSet(s, index, val, sparseMaxBytes);
    }

    // ---- counting and merging ----

    /** hllMerge: max[i] = max(max[i], register i); false if sparse data is corrupt. */
    public static boolean merge(byte[] max, byte[] b, int len) {
        if (encoding(b) == DENSE) {
            for (int i = 0; i < REGISTERS; i++) {
                int v = denseGet(b, i);
                if (v > max[i]) max[i] = (byte) v;
            }
            return true;
        }
        int i = walkSparse(b, len, true, (at, n, v) -> {
            for (int k = at; k < at + n; k++) if (v > max[k]) max[k] = (byte) v;
        });
        return i == REGISTERS;
    }

    /** hllCount over a value; -1 if the sparse data does not cover exactly every register. */
    public static long count(byte[] b, int len) {
        int[] histo = new int[64];
        if (encoding(b) == DENSE) {
            for (int i = 0; i < REGISTERS; i++) histo[denseGet(b, i)]++;
        } else {
            int idx = walkSparse(b, len, false, (at, n, v) -> histo[v] += n);
            if (idx != REGISTERS) return -1;
        }
        return estimate(histo);
    }

    /** hllCount over raw byte registers (PFCOUNT of several keys). */
    public static long countRaw(byte[] registers) {
        int[] histo = new int[64];
        for (int i = 0; i < REGISTERS; i++) histo[registers[i] & 63]++;
        return estimate(histo);
    }

    private static long estimate(int[] histo) {
        double m = REGISTERS;
        double z = m * tau((m - histo[Q + 1]) / m);
        for (int j = Q; j >= 1; --j) {
            z += histo[j];
            z *= 0.5;
        }
        z += m * sigma(histo[0] / m);
        double e = ALPHA_INF * m * m / z;
        double f = Math.floor(e);
        return (long) (e - f >= 0.5 ? f + 1 : f); // llroundl: half away from zero (e >= 0)
    }

    private static double sigma(double x) {
        if (x == 1.) return Double.POSITIVE_INFINITY;
        double zPrime, y = 1, z = x;
        do {
            x *= x;
            zPrime = z;
            z += x * y;
            y += y;
        } while (zPrime != z);
        return z;
    }

    private static double tau(double x) {
        if (x == 0. || x == 1.) return 0.;
        double zPrime, y = 1.0, z = 1 - x;
        do {
            x = Math.sqrt(x);
            zPrime = z;
            y *= 0.5;
            z -= (1 - x) * (1 - x) * y;
        } while (zPrime != z);
        return z / 3;
    }

    // ---- debugging ----

    /** All registers (PFDEBUG GETREG), from a dense value. */
    public static int[] registers(byte[] dense) {
        int[] r = new int[REGISTERS];
        for (int i = 0; i < REGISTERS; i++) r[i] = denseGet(dense, i);
        return r;
    }

    /** PFDEBUG DECODE: the sparse opcodes as "z:len", "Z:len", "v:value,len", space separated. */
    public static String decode(byte[] b, int len) {
        StringBuilder sb = new StringBuilder();
        int p = HDR;
        while (p < len) {
            int op = b[p] & 0xff;
            if (isZero(op)) {
                sb.append("z:").append((op & 0x3f) + 1).append(' ');
                p++;
            } else if (isXZero(op)) {
                sb.append("Z:").append(xzeroLen(b, p, len)).append(' ');
                p += 2;
            } else {
                sb.append("v:").append(((op >> 2) & 0x1f) + 1).append(',').append((op & 3) + 1).append(' ');
                p++;
            }
        }
        return sb.toString().trim();
    }

    /**
     * PFSELFTEST: register access round trips on random values, then estimates within 6 standard
     * errors for dense and sparse HLLs fed the same 10M elements (which must agree). Null when it
     * passes, else the TESTFAILED message.
     */
    public static String selfTest(java.util.Random rnd, long sparseMaxBytes) {
        byte[] dense = new byte[DENSE_SIZE];
        int[] want = new int[REGISTERS];
        for (int j = 0; j < 1000; j++) {
            for (int i = 0; i < REGISTERS; i++) {
                want[i] = rnd.nextInt() & REGISTER_MAX;
                denseSetRaw(dense, i, want[i]);
            }
            for (int i = 0; i < REGISTERS; i++) {
                int v = denseGet(dense, i);
                if (v != want[i]) return "TESTFAILED Register " + i + " should be " + want[i] + " but is " + v;
            }
        }
        Arrays.fill(dense, (byte) 0);
        dense[4] = DENSE;
        MutableString sparse = new MutableString(create(), 64);
        double relerr = 1.04 / Math.sqrt(REGISTERS);
        long checkpoint = 1, seed = rnd.nextLong();
        byte[] ele = new byte[8];
        for (long j = 1; j <= 10_000_000; j++) {
            long e = j ^ seed;
            for (int k = 0; k < 8; k++) ele[k] = (byte) (e >>> (8 * k));
            int pl = patLen(ele, 0, 8);
            denseSet(dense, pl >>> 8, pl & 0xff);
            add(sparse, ele, sparseMaxBytes);
            if (j != checkpoint) continue;
            if (j < sparseMaxBytes / 2 && encoding(sparse.buf()) != SPARSE) return "TESTFAILED sparse encoding not used";
            long card = count(dense, DENSE_SIZE);
            if (card != count(sparse.buf(), sparse.length())) return "TESTFAILED dense/sparse disagree";
            long maxerr = (long) Math.ceil(relerr * 6 * checkpoint);
            if (j == 10) maxerr = 1;
            long abserr = Math.abs(checkpoint - card);
            if (abserr > maxerr) return "TESTFAILED Too big error. card:" + checkpoint + " abserr:" + abserr;
            checkpoint *= 10;
        }
        return null;
    }
}
