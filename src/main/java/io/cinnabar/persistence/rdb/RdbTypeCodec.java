package io.cinnabar.persistence.rdb;

import java.io.IOException;

/** Serializes one kind of value (strings, lists, ...) in its RDB encodings, and reads them back. */
public interface RdbTypeCodec {
    /** Whether this codec writes {@code value}. */
    boolean handles(Object value);

    /** The RDB type byte this value is written with (it may depend on the value's encoding). */
    int rdbType(Object value);

    /** Writes the value's payload (after the type byte and the key). */
    void writePayload(RdbWriter out, Object value) throws IOException;

    /** Whether this codec reads RDB type {@code rdbType}. */
    boolean reads(int rdbType);

    /** Reads a value of {@code rdbType} (the type byte already consumed). */
    Object read(RdbReader in, int rdbType, RdbLoadOptions options) throws IOException;
}
