package io.cinnabar.store;

/** A non-string value (list, hash, set, sorted set, stream). */
public interface TypedValue {
    ValueType type();

    /** OBJECT ENCODING's answer, e.g. "listpack", "quicklist", "hashtable", "skiplist". */
    String encoding();

    /** Number of elements; a value that reaches 0 is removed from the keyspace by its command. */
    long size();

    /** A deep copy that shares nothing mutable with this value (COPY, DEBUG RELOAD-free snapshots). */
    TypedValue copy();
}
