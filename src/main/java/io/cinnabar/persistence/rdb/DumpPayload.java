package io.cinnabar.persistence.rdb;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * DUMP/RESTORE payloads as Redis makes them (createDumpPayload): the RDB type byte and value, then
 * the RDB version (2 bytes, little-endian) and a CRC64 of everything before it (8 bytes, little-endian).
 */
public final class DumpPayload {
    private DumpPayload() {}

    public static byte[] create(Object value, boolean compress) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            RdbWriter w = new RdbWriter(bytes, compress);
            RdbTypeCodec codec = RdbCodecs.forValue(value);
            w.writeByte(codec.rdbType(value));
            codec.writePayload(w, value);
            return seal(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends the RDB version and the CRC64 footer to a payload's body (also FUNCTION DUMP's). */
    public static byte[] seal(ByteArrayOutputStream bytes) {
        bytes.write(RdbWriter.VERSION & 0xff);
        bytes.write(RdbWriter.VERSION >>> 8);
        byte[] body = bytes.toByteArray();
        long crc = Crc64.of(body);
        byte[] out = java.util.Arrays.copyOf(body, body.length + 8);
        for (int i = 0; i < 8; i++) out[body.length + i] = (byte) (crc >>> (8 * i));
        return out;
    }

    /** verifyDumpPayload: version not newer than ours and the checksum right. */
    public static boolean verify(byte[] p) {
        if (p.length < 10) return false;
        int footer = p.length - 10;
        int version = (p[footer] & 0xff) | (p[footer + 1] & 0xff) << 8;
        if (version > RdbWriter.VERSION) return false;
        long crc = Crc64.update(0, p, 0, p.length - 8);
        for (int i = 0; i < 8; i++) {
            if (p[p.length - 8 + i] != (byte) (crc >>> (8 * i))) return false;
        }
        return true;
    }

    /** The value in a verified payload, or null when its data is malformed ("Bad data format"). */
    public static Object read(byte[] p, RdbLoadOptions options) {
        try {
            RdbReader in = new RdbReader(new ByteArrayInputStream(p, 0, p.length - 10));
            int type = in.readByte();
            RdbTypeCodec codec = RdbCodecs.forType(type);
            if (codec == null) return null;
            return codec.read(in, type, options);
        } catch (IOException | RdbFormatException | IllegalArgumentException e) {
            return null;
        }
    }
}
