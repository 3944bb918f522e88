package io.cinnabar.persistence.rdb;

import io.cinnabar.store.SortedSetValue;
import io.cinnabar.util.Numbers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Sorted sets: listpack of member/score pairs when compact, ZSET_2 (binary scores) otherwise. */
final class ZSetCodec implements RdbTypeCodec {
    @Override public boolean handles(Object value) {
        return value instanceof SortedSetValue;
    }

    @Override public int rdbType(Object value) {
        return ((SortedSetValue) value).isListpack() ? RdbWriter.TYPE_ZSET_LISTPACK : RdbWriter.TYPE_ZSET_2;
    }

    @Override public void writePayload(RdbWriter out, Object value) throws IOException {
        SortedSetValue z = (SortedSetValue) value;
        if (z.isListpack()) {
            List<byte[]> flat = new ArrayList<>(z.length() * 2);
            z.forEach((m, s) -> {
                flat.add(m);
                flat.add(Numbers.d2string(s).getBytes(StandardCharsets.US_ASCII));
            });
            out.string(Listpack.encode(flat));
            return;
        }
        out.length(z.length());
        IOException[] failed = new IOException[1];
        z.forEach((m, s) -> {
            if (failed[0] != null) return;
            try {
                out.string(m);
                out.binaryDouble(s);
            } catch (IOException e) {
                failed[0] = e;
            }
        });
        if (failed[0] != null) throw failed[0];
    }

    @Override public boolean reads(int t) {
        return t == RdbWriter.TYPE_ZSET || t == RdbWriter.TYPE_ZSET_2 || t == RdbWriter.TYPE_ZSET_ZIPLIST
                || t == RdbWriter.TYPE_ZSET_LISTPACK;
    }

    @Override public Object read(RdbReader in, int t, RdbLoadOptions o) throws IOException {
        long maxEntries = o.config().getLong("zset-max-listpack-entries");
        long maxValue = o.config().getLong("zset-max-listpack-value");
        List<byte[]> members = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        if (t == RdbWriter.TYPE_ZSET || t == RdbWriter.TYPE_ZSET_2) {
            long n = in.length();
            for (long i = 0; i < n; i++) {
                members.add(in.string());
                double s = t == RdbWriter.TYPE_ZSET_2 ? in.binaryDouble() : in.textDouble();
                if (Double.isNaN(s)) throw new RdbFormatException("zset score is NaN");
                scores.add(s);
            }
        } else {
            byte[] blob = in.string();
            List<byte[]> flat = t == RdbWriter.TYPE_ZSET_ZIPLIST ? LegacyEncodings.ziplist(blob) : Listpack.decode(blob);
            if (flat.size() % 2 != 0) throw new RdbFormatException("zset with an odd number of elements");
            for (int i = 0; i < flat.size(); i += 2) {
                members.add(flat.get(i));
                double s = Numbers.parseDouble(flat.get(i + 1));
                if (Double.isNaN(s)) throw new RdbFormatException("zset score is not a number");
                scores.add(s);
            }
        }
        if (members.isEmpty()) return null;
        long maxLen = 0;
        for (byte[] m : members) maxLen = Math.max(maxLen, m.length);
        SortedSetValue z = SortedSetValue.builder(members.size(), maxLen, maxEntries, maxValue);
        for (int i = 0; i < members.size(); i++) {
            if (z.contains(members.get(i))) throw new RdbFormatException("duplicate zset member");
            z.insertNew(members.get(i), scores.get(i), maxEntries, maxValue);
        }
        return z;
    }
}
