package io.cinnabar.persistence.rdb;

import io.cinnabar.store.SetValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/** Sets: intset when integer-encoded, plain members otherwise. */
final class SetCodec implements RdbTypeCodec {
    @Override public boolean handles(Object value) {
        return value instanceof SetValue;
    }

    @Override public int rdbType(Object value) {
        return ((SetValue) value).isIntset() ? RdbWriter.TYPE_SET_INTSET : RdbWriter.TYPE_SET;
    }

    @Override public void writePayload(RdbWriter out, Object value) throws IOException {
        SetValue s = (SetValue) value;
        if (s.isIntset()) {
            out.string(intset(s.intsView()));
            return;
        }
        out.length(s.size());
        IOException[] failed = new IOException[1];
        s.forEach(m -> {
            if (failed[0] != null) return;
            try {
                out.string(m);
            } catch (IOException e) {
                failed[0] = e;
            }
        });
        if (failed[0] != null) throw failed[0];
    }

    /** Redis' intset blob: width (2, 4 or 8), count, then the sorted values, all little-endian. */
    static byte[] intset(long[] sorted) {
        int width = 2;
        for (long v : sorted) {
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) width = 8;
            else if ((v < Short.MIN_VALUE || v > Short.MAX_VALUE) && width < 4) width = 4;
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream(8 + sorted.length * width);
        writeLe(b, width, 4);
        writeLe(b, sorted.length, 4);
        for (long v : sorted) writeLe(b, v, width);
        return b.toByteArray();
    }

    private static void writeLe(ByteArrayOutputStream b, long v, int bytes) {
        for (int i = 0; i < bytes; i++) b.write((int) (v >>> (8 * i)) & 0xff);
    }

    @Override public boolean reads(int t) {
        return t == RdbWriter.TYPE_SET || t == RdbWriter.TYPE_SET_INTSET;
    }

    @Override public Object read(RdbReader in, int t, RdbLoadOptions o) throws IOException {
        long maxIntset = o.config().getLong("set-max-intset-entries");
        SetValue s = null;
        if (t == RdbWriter.TYPE_SET) {
            long n = in.length();
            for (long i = 0; i < n; i++) {
                byte[] m = in.string();
                if (s == null) s = n > maxIntset ? SetValue.newTable() : SetValue.createFor(m);
                if (!s.add(m, maxIntset)) throw new RdbFormatException("duplicate set member");
            }
        } else {
            List<byte[]> members = LegacyEncodings.intset(in.string());
            for (byte[] m : members) {
                if (s == null) s = SetValue.newIntset();
                s.add(m, maxIntset);
            }
        }
        return s == null || s.size() == 0 ? null : s;
    }
}
