package io.cinnabar.persistence.rdb;

/**
 * CRC-64 with the Jones polynomial, reflected (Redis' crc64.c, used for the RDB checksum and DUMP
 * payloads). Check value: crc64("123456789") = 0xe9c6d914c4b8d9ca.
 */
public final class Crc64 {
    private Crc64() {}

    private static final long POLY = 0x95ac9329ac4bc9b5L; // Jones polynomial 0xad93d23594c935a9, reflected
    private static final long[][] TABLE = new long[8][256];

    static {
        for (int n = 0; n < 256; n++) {
            long crc = n;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >>> 1) ^ POLY : crc >>> 1;
            TABLE[0][n] = crc;
        }
        for (int n = 0; n < 256; n++) {
            long crc = TABLE[0][n];
            for (int k = 1; k < 8; k++) {
                crc = TABLE[0][(int) (crc & 0xff)] ^ (crc >>> 8);
                TABLE[k][n] = crc;
            }
        }
    }

    public static long update(long crc, byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (end - i >= 8) {
            crc ^= (b[i] & 0xffL) | (b[i + 1] & 0xffL) << 8 | (b[i + 2] & 0xffL) << 16 | (b[i + 3] & 0xffL) << 24
                    | (b[i + 4] & 0xffL) << 32 | (b[i + 5] & 0xffL) << 40 | (b[i + 6] & 0xffL) << 48
                    | (b[i + 7] & 0xffL) << 56;
            crc = TABLE[7][(int) (crc & 0xff)] ^ TABLE[6][(int) ((crc >>> 8) & 0xff)]
                    ^ TABLE[5][(int) ((crc >>> 16) & 0xff)] ^ TABLE[4][(int) ((crc >>> 24) & 0xff)]
                    ^ TABLE[3][(int) ((crc >>> 32) & 0xff)] ^ TABLE[2][(int) ((crc >>> 40) & 0xff)]
                    ^ TABLE[1][(int) ((crc >>> 48) & 0xff)] ^ TABLE[0][(int) (crc >>> 56)];
            i += 8;
        }
        while (i < end) {
            crc = TABLE[0][(int) ((crc ^ b[i++]) & 0xff)] ^ (crc >>> 8);
        }
        return crc;
    }

    public static long of(byte[] b) {
        return update(0, b, 0, b.length);
    }
}
