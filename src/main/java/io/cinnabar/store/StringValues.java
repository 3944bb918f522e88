package io.cinnabar.store;

import io.cinnabar.util.Numbers;

/** Helpers over the two forms of a string value: exact {@code byte[]} and {@link MutableString}. */
public final class StringValues {
    private StringValues() {}

    public static int length(Object v) {
        return v instanceof byte[] b ? b.length : ((MutableString) v).length();
    }

    /** The value's bytes; a copy only for a MutableString. */
    public static byte[] bytes(Object v) {
        return v instanceof byte[] b ? b : ((MutableString) v).toBytes();
    }

    /** The backing array (valid up to {@link #length}); never copies. */
    public static byte[] backing(Object v) {
        return v instanceof byte[] b ? b : ((MutableString) v).buf();
    }

    /** OBJECT ENCODING for a string: "int" when it is a canonical integer, "embstr" up to 44 bytes, else "raw". */
    public static String encoding(Object v) {
        if (v instanceof MutableString) return "raw";
        byte[] b = (byte[]) v;
        if (b.length <= 20 && Numbers.isLong(b)) return "int";
        return b.length <= 44 ? "embstr" : "raw";
    }
}
