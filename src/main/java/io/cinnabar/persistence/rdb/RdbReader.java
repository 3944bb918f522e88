package io.cinnabar.persistence.rdb;

import io.cinnabar.util.Numbers;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Low-level RDB input (Redis' rdbLoad* primitives) with the running CRC64 and the byte offset for errors. */
public final class RdbReader {
    private final InputStream in;
    private long crc;
    private long offset;
    private final byte[] scratch = new byte[9];

    public RdbReader(InputStream in) {
        this.in = in;
    }

    public long offset() {
        return offset;
    }

    public long crc() {
        return crc;
    }

    public void readFully(byte[] b, int off, int len) throws IOException {
        int n = in.readNBytes(b, off, len);
        if (n != len) throw new EOFException("unexpected end of file at offset " + (offset + n));
        crc = Crc64.update(crc, b, off, len);
        offset += len;
    }

    public byte[] readBytes(int len) throws IOException {
        if (len < 0) throw new RdbFormatException("negative length at offset " + offset);
        byte[] b = new byte[len];
        readFully(b, 0, len);
        return b;
    }

    public int readByte() throws IOException {
        readFully(scratch, 0, 1);
        return scratch[0] & 0xff;
    }

    /** Set by {@link #lengthOrEncoding()}: the value read was a special string encoding, not a length. */
    private boolean encoded;

    /**
     * Reads a length, or (when {@link #encoded} is then true) the type of a special (11xxxxxx)
     * string encoding. A 64-bit length may be any unsigned value, so no sentinel is used.
     */
    public long lengthOrEncoding() throws IOException {
        encoded = false;
        int first = readByte();
        int type = first >> 6;
        switch (type) {
            case 0: return first & 0x3f;
            case 1: return ((first & 0x3f) << 8) | readByte();
            case 2:
                if (first == 0x80) {
                    readFully(scratch, 0, 4);
                    return (scratch[0] & 0xffL) << 24 | (scratch[1] & 0xffL) << 16 | (scratch[2] & 0xffL) << 8
                            | (scratch[3] & 0xffL);
                } else if (first == 0x81) {
                    readFully(scratch, 0, 8);
                    long v = 0;
                    for (int i = 0; i < 8; i++) v = (v << 8) | (scratch[i] & 0xffL);
                    return v;
                }
                throw new RdbFormatException("unknown length encoding " + first + " at offset " + offset);
            default:
                encoded = true;
                return first & 0x3f;
        }
    }

    public long length() throws IOException {
        long l = lengthOrEncoding();
        if (encoded) throw new RdbFormatException("unexpected string encoding at offset " + offset);
        return l;
    }

    public byte[] string() throws IOException {
        long l = lengthOrEncoding();
        if (!encoded) {
            if (l < 0 || l > Integer.MAX_VALUE - 16) throw new RdbFormatException("string too long at offset " + offset);
            return readBytes((int) l);
        }
        int enc = (int) l;
        switch (enc) {
            case 0: {
                readFully(scratch, 0, 1);
                return Numbers.longToBytes(scratch[0]);
            }
            case 1: {
                readFully(scratch, 0, 2);
                return Numbers.longToBytes((short) ((scratch[0] & 0xff) | (scratch[1] << 8)));
            }
            case 2: {
                readFully(scratch, 0, 4);
                int v = (scratch[0] & 0xff) | (scratch[1] & 0xff) << 8 | (scratch[2] & 0xff) << 16 | scratch[3] << 24;
                return Numbers.longToBytes(v);
            }
            case 3: {
                long clen = length();
                long len = length();
                if (clen > Integer.MAX_VALUE || len > Integer.MAX_VALUE) throw new RdbFormatException("lzf too long");
                byte[] packed = readBytes((int) clen);
                try {
                    return Lzf.decompress(packed, packed.length, (int) len);
                } catch (IllegalArgumentException e) {
                    throw new RdbFormatException("invalid LZF compressed string at offset " + offset);
                }
            }
            default:
                throw new RdbFormatException("unknown string encoding " + enc + " at offset " + offset);
        }
    }

    public double binaryDouble() throws IOException {
        readFully(scratch, 0, 8);
        long bits = 0;
        for (int i = 7; i >= 0; i--) bits = (bits << 8) | (scratch[i] & 0xffL);
        return Double.longBitsToDouble(bits);
    }

    /** The old text double encoding (RDB_TYPE_ZSET): length byte, 253 nan, 254 +inf, 255 -inf. */
    public double textDouble() throws IOException {
        int len = readByte();
        if (len == 253) return Double.NaN;
        if (len == 254) return Double.POSITIVE_INFINITY;
        if (len == 255) return Double.NEGATIVE_INFINITY;
        byte[] b = readBytes(len);
        return Double.parseDouble(new String(b, java.nio.charset.StandardCharsets.US_ASCII));
    }

    public long millis() throws IOException {
        readFully(scratch, 0, 8);
        long v = 0;
        for (int i = 7; i >= 0; i--) v = (v << 8) | (scratch[i] & 0xffL);
        return v;
    }

    public int int32le() throws IOException {
        readFully(scratch, 0, 4);
        return (scratch[0] & 0xff) | (scratch[1] & 0xff) << 8 | (scratch[2] & 0xff) << 16 | scratch[3] << 24;
    }

    /** Reads 8 bytes without adding them to the CRC (the stored checksum itself). */
    public long storedChecksum() throws IOException {
        int n = in.readNBytes(scratch, 0, 8);
        if (n != 8) throw new EOFException("missing checksum");
        offset += 8;
        long v = 0;
        for (int i = 7; i >= 0; i--) v = (v << 8) | (scratch[i] & 0xffL);
        return v;
    }
}
