package io.cinnabar.store;

/** The type of a key's value, with the name TYPE and SCAN TYPE use. */
public enum ValueType {
    STRING("string"), LIST("list"), SET("set"), ZSET("zset"), HASH("hash"), STREAM("stream");

    private final String label;

    ValueType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The type of a stored value: strings are {@code byte[]} or {@link MutableString}, the rest implement {@link TypedValue}. */
    public static ValueType of(Object value) {
        if (value instanceof byte[] || value instanceof MutableString) return STRING;
        return ((TypedValue) value).type();
    }
}
