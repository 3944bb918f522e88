package io.cinnabar.persistence.rdb;

import io.cinnabar.util.Numbers;
import java.util.ArrayList;
import java.util.List;

/** Decoders for the compact encodings older Redis versions wrote in RDB files: ziplist, intset, zipmap. */
public final class LegacyEncodings {
    private LegacyEncodings() {}

    /** A ziplist's elements (integers as decimal text). */
    public static List<byte[]> ziplist(byte[] zl) {
        if (zl.length < 11) throw new RdbFormatException("ziplist too short");
        List<byte[]> out = new ArrayList<>();
        int p = 10;
        while (true) {
            if (p >= zl.length) throw new RdbFormatException("ziplist without end");
            if ((zl[p] & 0xff) == 0xFF) break;
            // prevlen
            p += (zl[p] & 0xff) < 254 ? 1 : 5;
            if (p >= zl.length) throw new RdbFormatException("ziplist truncated");
            int enc = zl[p] & 0xff;
            switch (enc >>> 6) {
                case 0: {
                    int len = enc & 0x3f;
                    out.add(copy(zl, p + 1, len));
                    p += 1 + len;
                    continue;
                }
                case 1: {
                    int len = ((enc & 0x3f) << 8) | (zl[p + 1] & 0xff);
                    out.add(copy(zl, p + 2, len));
                    p += 2 + len;
                    continue;
                }
                case 2: {
                    int len = (int) ((zl[p + 1] & 0xffL) << 24 | (zl[p + 2] & 0xffL) << 16 | (zl[p + 3] & 0xffL) << 8
                            | (zl[p + 4] & 0xffL));
                    out.add(copy(zl, p + 5, len));
                    p += 5 + len;
                    continue;
                }
                default:
                    break;
            }
            long v;
            switch (enc) {
                case 0xC0: v = (short) Listpack.readLe(zl, p + 1, 2); p += 3; break;
                case 0xD0: v = (int) Listpack.readLe(zl, p + 1, 4); p += 5; break;
                case 0xE0: v = Listpack.readLe(zl, p + 1, 8); p += 9; break;
                case 0xF0: v = (Listpack.readLe(zl, p + 1, 3) << 40) >> 40; p += 4; break;
                case 0xFE: v = zl[p + 1]; p += 2; break;
                default:
                    if (enc >= 0xF1 && enc <= 0xFD) {
                        v = (enc & 0x0f) - 1;
                        p += 1;
                    } else {
                        throw new RdbFormatException("ziplist: bad encoding " + enc);
                    }
            }
            out.add(Numbers.longToBytes(v));
        }
        return out;
    }

    /** An intset's members, as decimal text, in the set's sorted order. */
    public static List<byte[]> intset(byte[] is) {
        if (is.length < 8) throw new RdbFormatException("intset too short");
        int enc = (int) Listpack.readLe(is, 0, 4);
        int len = (int) Listpack.readLe(is, 4, 4);
        if (enc != 2 && enc != 4 && enc != 8) throw new RdbFormatException("intset: bad encoding");
        if (8L + (long) len * enc != is.length) throw new RdbFormatException("intset size mismatch");
        List<byte[]> out = new ArrayList<>(len);
        for (int i = 0; i < len; i++) {
            long raw = Listpack.readLe(is, 8 + i * enc, enc);
            long v = enc == 2 ? (short) raw : enc == 4 ? (int) raw : raw;
            out.add(Numbers.longToBytes(v));
        }
        return out;
    }

    /** A zipmap's field/value pairs, flattened. */
    public static List<byte[]> zipmap(byte[] zm) {
        List<byte[]> out = new ArrayList<>();
        int p = 1;
        while (true) {
            if (p >= zm.length) throw new RdbFormatException("zipmap without end");
            if ((zm[p] & 0xff) == 255) break;
            int[] lenAt = zipmapLen(zm, p);
            byte[] field = copy(zm, lenAt[1], lenAt[0]);
            p = lenAt[1] + lenAt[0];
            lenAt = zipmapLen(zm, p);
            int free = zm[lenAt[1]] & 0xff;
            byte[] value = copy(zm, lenAt[1] + 1, lenAt[0]);
            p = lenAt[1] + 1 + lenAt[0] + free;
            out.add(field);
            out.add(value);
        }
        return out;
    }

    private static int[] zipmapLen(byte[] zm, int p) {
        int first = zm[p] & 0xff;
        if (first < 254) return new int[] {first, p + 1};
        if (first == 254) return new int[] {(int) Listpack.readLe(zm, p + 1, 4), p + 5};
        throw new RdbFormatException("zipmap: bad length");
    }

    private static byte[] copy(byte[] b, int from, int len) {
        if (len < 0 || from + len > b.length) throw new RdbFormatException("truncated element");
        byte[] out = new byte[len];
        System.arraycopy(b, from, out, 0, len);
        return out;
    }
}
