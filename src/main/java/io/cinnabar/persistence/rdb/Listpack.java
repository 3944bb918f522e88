package io.cinnabar.persistence.rdb;

import io.cinnabar.util.Numbers;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Redis' listpack serialization (used in RDB 10 for small lists, hashes, sorted sets and stream
 * nodes): a 6-byte header (total bytes, element count, little-endian), entries of
 * encoding + data + back-length, and a 0xFF terminator. Integers in canonical decimal form are
 * stored in the smallest integer encoding, as lpAppend does.
 */
public final class Listpack {
    private Listpack() {}

    /** Builds a listpack holding {@code elements} in order. */
    public static byte[] encode(List<byte[]> elements) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(16 + elements.size() * 8);
        b.write(0); b.write(0); b.write(0); b.write(0); // total bytes, patched below
        int n = elements.size();
        int count = n < 65535 ? n : 65535;
        b.write(count & 0xff);
        b.write(count >>> 8);
        for (byte[] e : elements) writeEntry(b, e);
        b.write(0xFF);
        byte[] out = b.toByteArray();
        int total = out.length;
        out[0] = (byte) total;
        out[1] = (byte) (total >>> 8);
        out[2] = (byte) (total >>> 16);
        out[3] = (byte) (total >>> 24);
        return out;
    }

    static void writeEntry(ByteArrayOutputStream b, byte[] e) {
        int start = b.size();
        if (e.length <= 20 && Numbers.isLong(e)) {
            long v = Numbers.parseLongOr(e, 0);
            if (v >= 0 && v <= 127) {
                b.write((int) v);
            } else if (v >= -4096 && v <= 4095) {
                int u = (int) v & 0x1fff;
                b.write(0xC0 | (u >>> 8));
                b.write(u & 0xff);
            } else if (v >= -32768 && v <= 32767) {
                b.write(0xF1);
                writeLe(b, v, 2);
            } else if (v >= -8388608 && v <= 8388607) {
                b.write(0xF2);
                writeLe(b, v, 3);
            } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
                b.write(0xF3);
                writeLe(b, v, 4);
            } else {
                b.write(0xF4);
                writeLe(b, v, 8);
            }
        } else if (e.length < 64) {
            b.write(0x80 | e.length);
            b.write(e, 0, e.length);
        } else if (e.length < 4096) {
            b.write(0xE0 | (e.length >>> 8));
            b.write(e.length & 0xff);
            b.write(e, 0, e.length);
        } else {
            b.write(0xF0);
            writeLe(b, e.length, 4);
            b.write(e, 0, e.length);
        }
        writeBacklen(b, b.size() - start);
    }

    private static void writeLe(ByteArrayOutputStream b, long v, int bytes) {
        for (int i = 0; i < bytes; i++) b.write((int) (v >>> (8 * i)) & 0xff);
    }

    private static void writeBacklen(ByteArrayOutputStream b, int l) {
        if (l <= 127) {
            b.write(l);
        } else if (l < 16383) {
            b.write(l >>> 7);
            b.write((l & 127) | 128);
        } else if (l < 2097151) {
            b.write(l >>> 14);
            b.write(((l >>> 7) & 127) | 128);
            b.write((l & 127) | 128);
        } else if (l < 268435455) {
            b.write(l >>> 21);
            b.write(((l >>> 14) & 127) | 128);
            b.write(((l >>> 7) & 127) | 128);
            b.write((l & 127) | 128);
        } else {
            b.write(l >>> 28);
            b.write(((l >>> 21) & 127) | 128);
            b.write(((l >>> 14) & 127) | 128);
            b.write(((l >>> 7) & 127) | 128);
            b.write((l & 127) | 128);
        }
    }

    private static int backlenSize(int l) {
        if (l <= 127) return 1;
        if (l < 16383) return 2;
        if (l < 2097151) return 3;
        if (l < 268435455) return 4;
        return 5;
    }

    /** Decodes every element (integers as their decimal text). Throws RdbFormatException on corruption. */
    public static List<byte[]> decode(byte[] lp) {
        if (lp.length < 7) throw new RdbFormatException("listpack too short");
        long total = (lp[0] & 0xffL) | (lp[1] & 0xffL) << 8 | (lp[2] & 0xffL) << 16 | (lp[3] & 0xffL) << 24;
        if (total != lp.length) throw new RdbFormatException("listpack size mismatch");
        List<byte[]> out = new ArrayList<>();
        int p = 6;
        while (true) {
            if (p >= lp.length) throw new RdbFormatException("listpack without terminator");
            int enc = lp[p] & 0xff;
            if (enc == 0xFF) break;
            int start = p;
            byte[] value;
            if ((enc & 0x80) == 0) {
                value = Numbers.longToBytes(enc);
                p += 1;
            } else if ((enc & 0xC0) == 0x80) {
                int len = enc & 0x3f;
                value = slice(lp, p + 1, len);
                p += 1 + len;
            } else if ((enc & 0xE0) == 0xC0) {
                int u = ((enc & 0x1f) << 8) | (byteAt(lp, p + 1));
                int v = (u << 19) >> 19; // sign-extend 13 bits
                value = Numbers.longToBytes(v);
                p += 2;
            } else if ((enc & 0xF0) == 0xE0) {
                int len = ((enc & 0x0f) << 8) | byteAt(lp, p + 1);
                value = slice(lp, p + 2, len);
                p += 2 + len;
            } else {
                switch (enc) {
                    case 0xF0: {
                        int len = (int) readLe(lp, p + 1, 4);
                        value = slice(lp, p + 5, len);
                        p += 5 + len;
                        break;
                    }
                    case 0xF1: value = Numbers.longToBytes((short) readLe(lp, p + 1, 2)); p += 3; break;
                    case 0xF2: value = Numbers.longToBytes((readLe(lp, p + 1, 3) << 40) >> 40); p += 4; break;
                    case 0xF3: value = Numbers.longToBytes((int) readLe(lp, p + 1, 4)); p += 5; break;
                    case 0xF4: value = Numbers.longToBytes(readLe(lp, p + 1, 8)); p += 9; break;
                    default: throw new RdbFormatException("listpack: bad encoding " + enc);
                }
            }
            p += backlenSize(p - start);
            out.add(value);
        }
        return out;
    }

    private static int byteAt(byte[] b, int i) {
        if (i >= b.length) throw new RdbFormatException("listpack truncated");
        return b[i] & 0xff;
    }

    private static byte[] slice(byte[] b, int from, int len) {
        if (len < 0 || from + len > b.length) throw new RdbFormatException("listpack truncated");
        byte[] out = new byte[len];
        System.arraycopy(b, from, out, 0, len);
        return out;
    }

    static long readLe(byte[] b, int from, int bytes) {
        if (from + bytes > b.length) throw new RdbFormatException("truncated integer");
        long v = 0;
        for (int i = 0; i < bytes; i++) v |= (b[from + i] & 0xffL) << (8 * i);
        return v;
    }
}
