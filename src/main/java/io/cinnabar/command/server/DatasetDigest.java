package io.cinnabar.command.server;

import io.cinnabar.store.Database;
import io.cinnabar.store.HashValue;
import io.cinnabar.store.KeyEntry;
import io.cinnabar.store.ListValue;
import io.cinnabar.store.MutableString;
import io.cinnabar.store.SetValue;
import io.cinnabar.store.SortedSetValue;
import io.cinnabar.store.StreamId;
import io.cinnabar.store.StreamIterator;
import io.cinnabar.store.StreamValue;
import io.cinnabar.util.Numbers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * DEBUG DIGEST and DIGEST-VALUE computed exactly as Redis 7.0's debug.c (computeDatasetDigest,
 * xorObjectDigest), so a Cinnabar and a redis-server holding the same data report the same digest:
 * SHA1 "mix" (xor the bytes' SHA1 in, then hash the digest) for ordered parts, XOR of SHA1s for unordered ones, the db
 * number and the object type mixed in, scores as %.17g, and only the presence of an expire.
 */
final class DatasetDigest {
    private static final byte[] EXPIRE = "!!expire!!".getBytes(StandardCharsets.US_ASCII);
    private final MessageDigest sha1;

    DatasetDigest() {
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The whole dataset; 40 zeros when empty. */
    byte[] dataset(Database[] dbs) {
        byte[] fin = new byte[20];
        for (Database db : dbs) {
            if (db.size() == 0) continue;
            mix(fin, intBytes(db.id()));
            db.keys().forEach(e -> {
                byte[] d = new byte[20];
                mix(d, e.key());
                object(d, e);
                xor(fin, sha(d)); // xorDigest hashes what it folds in
            });
        }
        return fin;
    }

    /** One key's value (DIGEST-VALUE): zeros when missing. */
    byte[] value(KeyEntry e) {
        byte[] d = new byte[20];
        if (e != null) object(d, e);
        return d;
    }

    private void object(byte[] d, KeyEntry e) {
        Object v = e.value();
        if (v instanceof byte[] b) {
            mix(d, intBytes(0));
            mix(d, b);
        } else if (v instanceof MutableString m) {
            mix(d, intBytes(0));
            mix(d, m.toBytes());
        } else if (v instanceof ListValue l) {
            mix(d, intBytes(1));
            l.forEach(x -> mix(d, x));
        } else if (v instanceof SetValue s) {
            mix(d, intBytes(2));
            s.forEach(x -> xor(d, sha(x)));
        } else if (v instanceof SortedSetValue z) {
            mix(d, intBytes(3));
            z.forEach((member, score) -> {
                byte[] el = new byte[20];
                mix(el, member);
                mix(el, Numbers.formatG17(score).getBytes(StandardCharsets.US_ASCII));
                xor(d, sha(el));
            });
        } else if (v instanceof HashValue h) {
            mix(d, intBytes(4));
            h.forEach((field, value) -> {
                byte[] el = new byte[20];
                mix(el, field);
                mix(el, value);
                xor(d, sha(el));
            });
        } else if (v instanceof StreamValue st) {
            mix(d, intBytes(6));
            StreamIterator it = st.iterator(StreamId.ZERO, StreamId.MAX, false);
            while (it.next()) {
                mix(d, (Long.toUnsignedString(it.ms) + "." + Long.toUnsignedString(it.seq))
                        .getBytes(StandardCharsets.US_ASCII));
                int n = it.fields() * 2;
                for (int i = 0; i < n; i++) mix(d, it.item(i));
            }
        }
        if (e.hasExpire()) xor(d, sha(EXPIRE));
    }

    private static byte[] intBytes(int v) { // htonl
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private byte[] sha(byte[] b) {
        sha1.reset();
        return sha1.digest(b);
    }

    /** digest ^= hash (xorDigest is {@code xor(digest, sha(bytes))}). */
    private static void xor(byte[] digest, byte[] hash) {
        for (int i = 0; i < 20; i++) digest[i] ^= hash[i];
    }

    /** mixDigest: digest ^= SHA1(bytes), then digest = SHA1(digest). */
    private void mix(byte[] digest, byte[] b) {
        xor(digest, sha(b));
        System.arraycopy(sha(digest), 0, digest, 0, 20);
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder(40);
        for (byte x : b) {
            sb.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
        }
        return sb.toString();
    }
}
