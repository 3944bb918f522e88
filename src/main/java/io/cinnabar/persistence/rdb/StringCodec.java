package io.cinnabar.persistence.rdb;

import io.cinnabar.store.MutableString;
import java.io.IOException;

/** Strings: RDB_TYPE_STRING with the integer and LZF string encodings. */
final class StringCodec implements RdbTypeCodec {
    @Override public boolean handles(Object value) {
        return value instanceof byte[] || value instanceof MutableString;
    }

    @Override public int rdbType(Object value) {
        return RdbWriter.TYPE_STRING;
    }

    @Override public void writePayload(RdbWriter out, Object value) throws IOException {
        if (value instanceof byte[] b) {
            out.string(b);
        } else {
            MutableString m = (MutableString) value;
            out.string(m.buf(), 0, m.length());
        }
    }

    @Override public boolean reads(int rdbType) {
        return rdbType == RdbWriter.TYPE_STRING;
    }

    @Override public Object read(RdbReader in, int rdbType, RdbLoadOptions options) throws IOException {
        return in.string();
    }
}
