package io.cinnabar.persistence.rdb;

import io.cinnabar.store.HashValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Hashes: listpack when compact, plain field/value pairs otherwise; reads zipmap and ziplist too. */
final class HashCodec implements RdbTypeCodec {
    @Override public boolean handles(Object value) {
        return value instanceof HashValue;
    }

    @Override public int rdbType(Object value) {
        return ((HashValue) value).isCompact() ? RdbWriter.TYPE_HASH_LISTPACK : RdbWriter.TYPE_HASH;
    }

    @Override public void writePayload(RdbWriter out, Object value) throws IOException {
        HashValue h = (HashValue) value;
        if (h.isCompact()) {
            List<byte[]> flat = new ArrayList<>((int) h.size() * 2);
            h.forEach((f, v) -> {
                flat.add(f);
                flat.add(v);
            });
            out.string(Listpack.encode(flat));
            return;
        }
        out.length(h.size());
        IOException[] failed = new IOException[1];
        h.forEach((f, v) -> {
            if (failed[0] != null) return;
            try {
                out.string(f);
                out.string(v);
            } catch (IOException e) {
                failed[0] = e;
            }
        });
        if (failed[0] != null) throw failed[0];
    }

    @Override public boolean reads(int t) {
        return t == RdbWriter.TYPE_HASH || t == RdbWriter.TYPE_HASH_ZIPMAP || t == RdbWriter.TYPE_HASH_ZIPLIST
                || t == RdbWriter.TYPE_HASH_LISTPACK;
    }

    @Override public Object read(RdbReader in, int t, RdbLoadOptions o) throws IOException {
        long maxEntries = o.config().getLong("hash-max-listpack-entries");
        long maxValue = o.config().getLong("hash-max-listpack-value");
        HashValue h = new HashValue();
        if (t == RdbWriter.TYPE_HASH) {
            long n = in.length();
            if (n > maxEntries) h.convertToTable();
            for (long i = 0; i < n; i++) {
                byte[] f = in.string();
                byte[] v = in.string();
                h.convertIfLonger(f, maxValue);
                h.convertIfLonger(v, maxValue);
                if (!h.set(f, v, maxEntries)) throw new RdbFormatException("duplicate hash field");
            }
        } else {
            byte[] blob = in.string();
            List<byte[]> flat = t == RdbWriter.TYPE_HASH_ZIPMAP ? LegacyEncodings.zipmap(blob)
                    : t == RdbWriter.TYPE_HASH_ZIPLIST ? LegacyEncodings.ziplist(blob) : Listpack.decode(blob);
            if (flat.size() % 2 != 0) throw new RdbFormatException("hash with an odd number of elements");
            for (int i = 0; i < flat.size(); i += 2) {
                h.convertIfLonger(flat.get(i), maxValue);
                h.convertIfLonger(flat.get(i + 1), maxValue);
                if (!h.set(flat.get(i), flat.get(i + 1), maxEntries)) throw new RdbFormatException("duplicate hash field");
            }
        }
        return h.size() == 0 ? null : h;
    }
}
