package io.cinnabar.store;

/**
 * What a key and its value hold in bytes, as Redis' objectComputeSize + MEMORY USAGE estimate it:
 * exact for strings, and for an aggregate the fixed structure plus its element count times the
 * average size of the first {@code samples} elements (0 = every element). The figures are this
 * JVM's layout (compressed references, 12-byte object headers, 8-byte alignment), not jemalloc's.
 * <p>
 * The keyspace accounting ({@link Database#usedBytes()}) keeps, per key, the estimate with
 * {@link #DEFAULT_SAMPLES} made at its last change, so {@code MEMORY USAGE key} and INFO's
 * {@code used_memory} agree, and a change to a key with a million elements costs a few samples.
 */
public final class MemoryEstimate {
    private MemoryEstimate() {}

    /** OBJ_COMPUTE_SIZE_DEF_SAMPLES. */
    public static final int DEFAULT_SAMPLES = 5;
    /** The KeyEntry object and its share of the bucket array (Redis: sizeof(dictEntry)). */
    public static final long KEY_ENTRY = 48;
    /** An ExpireEntry and its bucket slot, counted per volatile key by the database. */
    public static final long EXPIRE_ENTRY = 40;

    public static long align(long n) {
        return (n + 7) & ~7L;
    }

    /** A {@code byte[]} of n bytes. */
    public static long bytes(int n) {
        return align(16 + n);
    }

    /** MEMORY USAGE: the key's entry, its name and its value (a multiple of 8, as the accounting keeps it). */
    public static long keyUsage(byte[] key, Object value, int samples) {
        return align(KEY_ENTRY + bytes(key.length) + value(value, samples));
    }

    /** The value alone (objectComputeSize). */
    public static long value(Object v, int samples) {
        if (v instanceof byte[] b) return bytes(b.length);
        if (v instanceof MutableString m) return 24 + bytes(m.buf().length);
        if (v instanceof ListValue l) return list(l, samples);
        if (v instanceof HashValue h) return hash(h, samples);
        if (v instanceof SetValue s) return set(s, samples);
        if (v instanceof SortedSetValue z) return zset(z, samples);
        if (v instanceof StreamValue s) return stream(s, samples);
        return 16;
    }

    private static int sampleCount(long size, int samples) {
        return (int) (samples <= 0 || samples > size ? size : samples);
    }

    /** The sampled elements' total, extrapolated to the whole size. */
    private static long extrapolate(long sampledBytes, int sampled, long size) {
        if (sampled == 0) return 0;
        return sampled == size ? sampledBytes : (long) ((double) sampledBytes / sampled * size);
    }

    private static long list(ListValue l, int samples) {
        int n = l.length();
        int k = sampleCount(n, samples);
        long sum = 0;
        for (int i = 0; i < k; i++) sum += 6 + bytes(l.get(i).length); // slot (ring at ~2/3 load) + element
        return 24 + 16 + extrapolate(sum, k, n);
    }

    private static long hash(HashValue h, int samples) {
        long n = h.size();
        int k = sampleCount(n, samples);
        long[] acc = new long[2];
        if (h.isCompact()) {
            h.forEach((f, v) -> {
                if (acc[1]++ < k) acc[0] += 12 + bytes(f.length) + bytes(v.length);
            });
            return 32 + 16 + extrapolate(acc[0], k, n);
        }
        sampleDict(h.table(), k, e -> acc[0] += 36 + bytes(e.key.length) + bytes(e.value.length));
        return 32 + 64 + extrapolate(acc[0], k, n);
    }

    private static long set(SetValue s, int samples) {
        long n = s.size();
        if (s.isIntset()) return 32 + 16 + 12 * n; // long[] at ~2/3 load
        int k = sampleCount(n, samples);
        long[] acc = new long[1];
        sampleDict(s.table(), k, e -> acc[0] += 28 + bytes(e.key.length));
        return 32 + 64 + extrapolate(acc[0], k, n);
    }

    private static long zset(SortedSetValue z, int samples) {
        long n = z.size();
        int k = sampleCount(n, samples);
        long sum = 0;
        boolean lp = z.isListpack();
        for (int i = 0; i < k; i++) {
            // listpack: member ref + score in parallel arrays; skiplist: node with ~1.33 levels + dict slot
            sum += (lp ? 14 : 96) + bytes(z.memberAt(i).length);
        }
        return (lp ? 48 : 160) + extrapolate(sum, k, n);
    }

    private static long stream(StreamValue s, int samples) {
        int nodes = s.nodes.size();
        int k = sampleCount(nodes, samples);
        long sum = 0;
        int i = 0;
        for (StreamNode node : s.nodes.values()) {
            if (i++ >= k) break;
            sum += 112 + bytes(node.data.length); // TreeMap entry + StreamId + node + its buffer
        }
        long n = 96 + extrapolate(sum, k, nodes);
        for (StreamGroup g : s.groups()) {
            n += 128 + bytes(g.name().length) + g.consumers().size() * 96L + g.pel().size() * 112L;
        }
        return n;
    }

    /** Visits the first {@code k} entries of a dict in bucket order (deterministic while it is unchanged). */
    private static <E extends DictEntry> void sampleDict(Dict<E> d, int k, java.util.function.Consumer<E> visitor) {
        if (k == 0) return;
        int[] seen = {0};
        long buckets = d.buckets();
        for (long i = 0; i < buckets && seen[0] < k; i++) {
            d.visitBucketsAt(i, e -> {
                if (seen[0]++ < k) visitor.accept(e);
            });
        }
    }

    /**
     * Redis' lazyfreeGetFreeEffort: roughly the number of allocations freeing the value takes
     * (UNLINK and FLUSH ASYNC free values above 64 of them in the background).
     */
    public static long freeEffort(Object v) {
        if (v instanceof ListValue l) return (l.length() + 127) / 128; // quicklist nodes
        if (v instanceof SetValue s) return s.isIntset() ? 1 : s.size();
        if (v instanceof HashValue h) return h.isCompact() ? 1 : h.size();
        if (v instanceof SortedSetValue z) return z.isListpack() ? 1 : z.size();
        if (v instanceof StreamValue s) {
            long effort = s.nodes.size();
            for (StreamGroup g : s.groups()) effort += 1 + g.pel().size();
            return effort;
        }
        return 1;
    }
}
