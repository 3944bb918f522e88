package io.cinnabar.persistence.rdb;

import io.cinnabar.util.Numbers;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Low-level RDB output (Redis' rdbSave* primitives): lengths, strings (integer-encoded when they
 * are small canonical integers, LZF-compressed when long enough and worth it), binary doubles,
 * millisecond times, and the running CRC64 that ends the file.
 */
public final class RdbWriter {
    public static final int VERSION = 10;
    // opcodes
    public static final int OPCODE_FUNCTION2 = 245, OPCODE_MODULE_AUX = 247, OPCODE_IDLE = 248, OPCODE_FREQ = 249,
            OPCODE_AUX = 250, OPCODE_RESIZEDB = 251, OPCODE_EXPIRETIME_MS = 252, OPCODE_EXPIRETIME = 253,
            OPCODE_SELECTDB = 254, OPCODE_EOF = 255;
    // value types
    public static final int TYPE_STRING = 0, TYPE_LIST = 1, TYPE_SET = 2, TYPE_ZSET = 3, TYPE_HASH = 4,
            TYPE_ZSET_2 = 5, TYPE_HASH_ZIPMAP = 9, TYPE_LIST_ZIPLIST = 10, TYPE_SET_INTSET = 11,
            TYPE_ZSET_ZIPLIST = 12, TYPE_HASH_ZIPLIST = 13, TYPE_LIST_QUICKLIST = 14, TYPE_STREAM_LISTPACKS = 15,
            TYPE_HASH_LISTPACK = 16, TYPE_ZSET_LISTPACK = 17, TYPE_LIST_QUICKLIST_2 = 18,
            TYPE_STREAM_LISTPACKS_2 = 19;

    private final OutputStream out;
    private final boolean compress;
    private final boolean trackCrc;
    private long crc;
    private long written;
    private final byte[] scratch = new byte[9];

    public RdbWriter(OutputStream out, boolean compress) {
        this(out, compress, true);
    }

    /**
     * @param trackCrc false when whoever consumes the bytes computes the checksum itself (a
     *                 background snapshot does it on its writer thread, off the owner thread)
     */
    public RdbWriter(OutputStream out, boolean compress, boolean trackCrc) {
        this.out = out;
        this.compress = compress;
        this.trackCrc = trackCrc;
    }

    public long written() {
        return written;
    }

    public void raw(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        if (trackCrc) crc = Crc64.update(crc, b, off, len);
        written += len;
    }

    public void raw(byte[] b) throws IOException {
        raw(b, 0, b.length);
    }

    public void writeByte(int v) throws IOException {
        scratch[0] = (byte) v;
        raw(scratch, 0, 1);
    }

    public void header() throws IOException {
        raw(String.format("REDIS%04d", VERSION).getBytes(StandardCharsets.US_ASCII));
    }

    public void aux(String key, String value) throws IOException {
        writeByte(OPCODE_AUX);
        string(key.getBytes(StandardCharsets.UTF_8));
        string(value.getBytes(StandardCharsets.UTF_8));
    }

    /** An RDB length; {@code len} is taken as unsigned (an unknown entries_read is written as -1 = 2^64-1). */
    public void length(long len) throws IOException {
        if (len >= 0 && len < (1 << 6)) {
            writeByte((int) len);
        } else if (len >= 0 && len < (1 << 14)) {
            scratch[0] = (byte) (0x40 | (len >> 8));
            scratch[1] = (byte) len;
            raw(scratch, 0, 2);
        } else if (len >= 0 && len <= 0xffffffffL) {
            scratch[0] = (byte) 0x80;
            for (int i = 0; i < 4; i++) scratch[1 + i] = (byte) (len >>> (8 * (3 - i)));
            raw(scratch, 0, 5);
        } else {
            scratch[0] = (byte) 0x81;
            for (int i = 0; i < 8; i++) scratch[1 + i] = (byte) (len >>> (8 * (7 - i)));
            raw(scratch, 0, 9);
        }
    }

    public void string(byte[] s) throws IOException {
        string(s, 0, s.length);
    }

    /** rdbSaveRawString: integer encoding for short canonical integers, then LZF above 20 bytes. */
    public void string(byte[] s, int off, int len) throws IOException {
        if (len <= 11 && len > 0) {
            byte[] exact = off == 0 && len == s.length ? s : java.util.Arrays.copyOfRange(s, off, off + len);
            if (Numbers.isLong(exact) && intEncoded(Numbers.parseLongOr(exact, 0))) return;
        }
        if (compress && len > 20) {
            byte[] packed = new byte[len - 4];
            byte[] src = off == 0 ? s : java.util.Arrays.copyOfRange(s, off, off + len);
            int clen = Lzf.compress(src, len, packed);
            if (clen > 0) {
                writeByte(0xC3);
                length(clen);
                length(len);
                raw(packed, 0, clen);
                return;
            }
        }
        length(len);
        raw(s, off, len);
    }

    private boolean intEncoded(long v) throws IOException {
        if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
            scratch[0] = (byte) 0xC0;
            scratch[1] = (byte) v;
            raw(scratch, 0, 2);
        } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            scratch[0] = (byte) 0xC1;
            scratch[1] = (byte) v;
            scratch[2] = (byte) (v >> 8);
            raw(scratch, 0, 3);
        } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            scratch[0] = (byte) 0xC2;
            for (int i = 0; i < 4; i++) scratch[1 + i] = (byte) (v >> (8 * i));
            raw(scratch, 0, 5);
        } else {
            return false;
        }
        return true;
    }

    /** A binary double (RDB_TYPE_ZSET_2 scores), little-endian IEEE 754. */
    public void binaryDouble(double d) throws IOException {
        long bits = Double.doubleToRawLongBits(d);
        for (int i = 0; i < 8; i++) scratch[i] = (byte) (bits >>> (8 * i));
        raw(scratch, 0, 8);
    }

    public void millis(long ms) throws IOException {
        for (int i = 0; i < 8; i++) scratch[i] = (byte) (ms >>> (8 * i));
        raw(scratch, 0, 8);
    }

    /** EOF opcode and the checksum (0 when rdbchecksum is off). */
    public void finish(boolean checksum) throws IOException {
        writeByte(OPCODE_EOF);
        long c = checksum ? crc : 0;
        for (int i = 0; i < 8; i++) scratch[i] = (byte) (c >>> (8 * i));
        out.write(scratch, 0, 8);
        written += 8;
        out.flush();
    }

    public long crc() {
        return crc;
    }
}
