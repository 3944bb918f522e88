package io.cinnabar.persistence.rdb;

/**
 * LZF compression as liblzf (and so Redis' RDB) encodes it: a control byte below 32 starts a run
 * of ctrl+1 literal bytes; otherwise the top three bits are a match length (7 = one more length
 * byte follows) and the low five bits plus the next byte an offset back into the output.
 */
public final class Lzf {
    private Lzf() {}

    private static final int HLOG = 14;
    private static final int MAX_LIT = 32;
    private static final int MAX_OFF = 1 << 13;
    private static final int MAX_REF = (1 << 8) + (1 << 3);

    /**
     * Compresses {@code in} into {@code out}; returns the compressed length, or 0 when the result
     * would not fit in {@code out} (the caller then stores the data uncompressed).
     */
    public static int compress(byte[] in, int inLen, byte[] out) {
        // The hash table is reused across calls (allocating and zeroing 64 KB per string made RDB
        // saves of short strings ~10x slower): positions are stored shifted by a base that grows
        // past every earlier call, so entries of earlier calls read as empty, as in a fresh table.
        Table t = TABLE.get();
        if (t.base > (1 << 30)) {
            java.util.Arrays.fill(t.slots, 0);
            t.base = 0;
        }
        final int base = t.base;
        t.base = base + inLen + 1;
        int[] table = t.slots;
        int ip = 0;
        int op = 0;
        int outEnd = out.length;
        int lit = 0;
        op++; // start a literal run
        while (ip < inLen - 2) {
            int v = ((in[ip] & 0xff) << 16) | ((in[ip + 1] & 0xff) << 8) | (in[ip + 2] & 0xff);
            int h = hash(v);
            int ref = table[h] - base - 1;
            table[h] = base + ip + 1;
            int off = ip - ref - 1;
            if (ref >= 0 && off < MAX_OFF && ip + 4 < inLen && in[ref] == in[ip] && in[ref + 1] == in[ip + 1]
                    && in[ref + 2] == in[ip + 2]) {
                int len = 2;
                int maxLen = Math.min(inLen - ip - len, MAX_REF);
                if (op + 3 + 1 >= outEnd) return 0;
                // close the literal run
                out[op - lit - 1] = (byte) (lit - 1);
                if (lit == 0) op--;
                do {
                    len++;
                } while (len < maxLen && in[ref + len] == in[ip + len]);
                len -= 2;
                ip++;
                if (len < 7) {
                    out[op++] = (byte) ((off >> 8) + (len << 5));
                } else {
                    out[op++] = (byte) ((off >> 8) + (7 << 5));
                    out[op++] = (byte) (len - 7);
                }
                out[op++] = (byte) off;
                lit = 0;
                op++; // new literal run
                ip += len + 1;
                if (ip >= inLen - 2) break;
                // re-seed the hash with the positions inside the match
                for (int k = ip - len - 1; k < ip; k++) {
                    if (k + 2 < inLen) {
                        int vv = ((in[k] & 0xff) << 16) | ((in[k + 1] & 0xff) << 8) | (in[k + 2] & 0xff);
                        table[hash(vv)] = base + k + 1;
                    }
                }
            } else {
                if (op >= outEnd) return 0;
                lit++;
                out[op++] = in[ip++];
                if (lit == MAX_LIT) {
                    out[op - lit - 1] = (byte) (lit - 1);
                    lit = 0;
                    op++;
                }
            }
        }
        while (ip < inLen) {
            if (op >= outEnd) return 0;
            lit++;
            out[op++] = in[ip++];
            if (lit == MAX_LIT) {
                out[op - lit - 1] = (byte) (lit - 1);
                lit = 0;
                op++;
            }
        }
        out[op - lit - 1] = (byte) (lit - 1);
        if (lit == 0) op--;
        return op;
    }

    private static final class Table {
        final int[] slots = new int[1 << HLOG];
        int base;
    }

    private static final ThreadLocal<Table> TABLE = ThreadLocal.withInitial(Table::new);

    private static int hash(int v) {
        return (int) (((v * 2654435761L) & 0xffffffffL) >>> (32 - HLOG));
    }

    /** Decompresses exactly {@code outLen} bytes; throws IllegalArgumentException on corrupt input. */
    public static byte[] decompress(byte[] in, int inLen, int outLen) {
        byte[] out = new byte[outLen];
        int ip = 0;
        int op = 0;
        while (ip < inLen) {
            int ctrl = in[ip++] & 0xff;
            if (ctrl < 32) {
                int n = ctrl + 1;
                if (op + n > outLen || ip + n > inLen) throw new IllegalArgumentException("lzf: literal overrun");
                System.arraycopy(in, ip, out, op, n);
                ip += n;
                op += n;
            } else {
                int len = ctrl >> 5;
                if (len == 7) {
                    if (ip >= inLen) throw new IllegalArgumentException("lzf: truncated");
                    len += in[ip++] & 0xff;
                }
                if (ip >= inLen) throw new IllegalArgumentException("lzf: truncated");
                int ref = op - ((ctrl & 0x1f) << 8) - (in[ip++] & 0xff) - 1;
                len += 2;
                if (ref < 0 || op + len > outLen) throw new IllegalArgumentException("lzf: bad reference");
                for (int i = 0; i < len; i++) out[op++] = out[ref++];
            }
        }
        if (op != outLen) throw new IllegalArgumentException("lzf: length mismatch");
        return out;
    }
}
