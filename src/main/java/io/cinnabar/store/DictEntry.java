package io.cinnabar.store;

/**
 * A node of a {@link Dict}: the key bytes, their cached hash and the chain link. Subclasses add
 * what they map the key to (a keyspace value with its expiry, a hash field's value, a score),
 * so one object per element carries everything: no separate wrapper for the key.
 */
public abstract class DictEntry {
    final byte[] key;
    final int hash;
    DictEntry next;

    protected DictEntry(byte[] key, int hash) {
        this.key = key;
        this.hash = hash;
    }

    public final byte[] key() {
        return key;
    }

    public final int hash() {
        return hash;
    }
}
