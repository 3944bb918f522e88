package io.cinnabar.store;

/**
 * A key of the keyspace with its value, its absolute expiry time in Unix milliseconds (0 = none)
 * and its last access time for OBJECT IDLETIME/FREQ and eviction. The entry object stays the same
 * while the key exists; overwriting a key replaces {@link #value}, not the entry.
 */
public final class KeyEntry extends DictEntry {
    Object value;
    long expireAt;
    /**
     * Low 24 bits: seconds-resolution access clock (Redis' LRU clock) or, under an LFU policy, the
     * LFU pair. High 8 bits: the snapshot epoch this entry was last stamped with (see
     * {@link SnapshotVersions}); packed here so an entry stays at 40 bytes.
     */
    private int meta;
    /** This key's bytes as last accounted ({@link MemoryEstimate}), in 8-byte units. */
    int memUnits;

    KeyEntry(byte[] key, int hash, Object value) {
        super(key, hash);
        this.value = value;
    }

    public Object value() {
        return value;
    }

    /** Replaces the value in place (the key keeps its TTL; callers clear it when semantics say so). */
    public void value(Object v) {
        this.value = v;
    }

    public long expireAt() {
        return expireAt;
    }

    public boolean hasExpire() {
        return expireAt != 0;
    }

    public int lru() {
        return meta & LRU_MASK;
    }

    public void lru(int v) {
        this.meta = (meta & ~LRU_MASK) | (v & LRU_MASK);
    }

    static final int LRU_MASK = 0xFFFFFF;

    /** The snapshot epoch (0..255) this entry was last stamped with. */
    public int snapshotStamp() {
        return meta >>> 24;
    }

    /** Marks the entry as serialized by (or created during) the snapshot of this epoch. */
    public void snapshotStamp(int epoch) {
        this.meta = (meta & LRU_MASK) | (epoch << 24);
    }

    /** The bytes the keyspace accounting holds for this key (MEMORY USAGE with the default samples). */
    public long accountedBytes() {
        return (long) memUnits << 3;
    }

    public ValueType type() {
        return ValueType.of(value);
    }
}
