package io.cinnabar.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The hash of a byte string for {@link Dict}: a seeded multiply-xorshift over 8-byte words with
 * murmur3's finalizer. The seed is chosen per process at random, so an attacker cannot craft keys
 * that collide (the reason Redis uses SipHash).
 */
final class Hashing {
    private Hashing() {}

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long SEED = new java.security.SecureRandom().nextLong();
    private static final long M = 0x9E3779B97F4A7C15L;

    static int hash(byte[] b, int off, int len) {
        long h = SEED ^ (len * M);
        int i = off;
        int end = off + len;
        while (end - i >= 8) {
            long k = (long) LONGS.get(b, i);
            h = (h ^ (k * M)) * 0xC2B2AE3D27D4EB4FL;
            h = Long.rotateLeft(h, 29);
            i += 8;
        }
        long tail = 0;
        int shift = 0;
        while (i < end) {
            tail |= (b[i++] & 0xffL) << shift;
            shift += 8;
        }
        h = (h ^ (tail * M)) * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h;
    }
}
