package io.cinnabar.store;

import java.util.Arrays;

/**
 * A packed run of consecutive stream entries (Redis' listpack under one radix-tree key). The node
 * is keyed by its master ID, the ID of the first entry ever added to it; entries are never moved
 * or physically removed, deletion only flags them (a tombstone), as in Redis, so the node can be
 * dropped whole once no live entry is left.
 * <p>
 * Entry layout, appended back to back in {@link #data}:
 * {@code flags(1) varint(ms - masterMs) varint(ms == masterMs ? seq - masterSeq : seq) varint(pairs)
 * then 2*pairs times varint(len) bytes}.
 */
final class StreamNode {
    static final int DELETED = 1;

    final long masterMs;
    final long masterSeq;
    byte[] data;
    int used;
    /** Live entries and tombstones in this node. */
    int live;
    int deleted;
    /** The last entry's ID, tombstone or not (lpGetEdgeStreamID). */
    long lastMs;
    long lastSeq;

    StreamNode(long masterMs, long masterSeq, int capacity) {
        this.masterMs = masterMs;
        this.masterSeq = masterSeq;
        this.data = new byte[Math.max(capacity, 16)];
    }

    int total() {
        return live + deleted;
    }

    /** Appends an entry whose fields and values are fv[off .. off+2*pairs). */
    void append(long ms, long seq, byte[][] fv, int off, int pairs) {
        int need = 1 + 10 + 10 + 5;
        for (int i = 0; i < pairs * 2; i++) need += 5 + fv[off + i].length;
        ensure(need);
        data[used++] = 0;
        long msDelta = ms - masterMs;
        putVarLong(msDelta);
        putVarLong(msDelta == 0 ? seq - masterSeq : seq);
        putVarLong(pairs);
        for (int i = 0; i < pairs * 2; i++) {
            byte[] b = fv[off + i];
            putVarLong(b.length);
            System.arraycopy(b, 0, data, used, b.length);
            used += b.length;
        }
        live++;
        lastMs = ms;
        lastSeq = seq;
    }

    private void ensure(int extra) {
        if (used + extra > data.length) data = Arrays.copyOf(data, Math.max(data.length * 2, used + extra));
    }

    void shrink() {
        if (data.length != used) data = Arrays.copyOf(data, used);
    }

    private void putVarLong(long v) {
        while ((v & ~0x7FL) != 0) {
            data[used++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        data[used++] = (byte) v;
    }

    /** Decodes an unsigned varint at pos[0], advancing it. */
    static long varLong(byte[] d, int[] pos) {
        int p = pos[0];
        long v = 0;
        int shift = 0;
        while (true) {
            byte b = d[p++];
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) break;
            shift += 7;
        }
        pos[0] = p;
        return v;
    }

    /** The offset just after the entry that starts at {@code p}. */
    int skip(int p, int[] tmp) {
        tmp[0] = p + 1;
        varLong(data, tmp);
        varLong(data, tmp);
        long n = varLong(data, tmp) * 2;
        for (long i = 0; i < n; i++) {
            long len = varLong(data, tmp);
            tmp[0] += (int) len;
        }
        return tmp[0];
    }

    /** Offsets of every entry (live or not), in order. */
    int[] offsets() {
        int[] out = new int[total()];
        int[] tmp = new int[1];
        int p = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = p;
            p = skip(p, tmp);
        }
        return out;
    }

    StreamNode copy() {
        StreamNode n = new StreamNode(masterMs, masterSeq, 0);
        n.data = Arrays.copyOf(data, used);
        n.used = used;
        n.live = live;
        n.deleted = deleted;
        n.lastMs = lastMs;
        n.lastSeq = lastSeq;
        return n;
    }
}
