package io.cinnabar.store;

import java.nio.charset.StandardCharsets;

/**
 * A stream entry ID: two unsigned 64-bit numbers, milliseconds and sequence, ordered as one
 * 128-bit number (Redis' streamID). Immutable.
 */
public final class StreamId implements Comparable<StreamId> {
    public static final StreamId ZERO = new StreamId(0, 0);
    public static final StreamId MAX = new StreamId(-1L, -1L);

    public final long ms;
    public final long seq;

    public StreamId(long ms, long seq) {
        this.ms = ms;
        this.seq = seq;
    }

    public static int compare(long ams, long aseq, long bms, long bseq) {
        int c = Long.compareUnsigned(ams, bms);
        return c != 0 ? c : Long.compareUnsigned(aseq, bseq);
    }

    @Override public int compareTo(StreamId o) {
        return compare(ms, seq, o.ms, o.seq);
    }

    public boolean isZero() {
        return ms == 0 && seq == 0;
    }

    public boolean isMax() {
        return ms == -1L && seq == -1L;
    }

    /** The successor (streamIncrID), or null when this is the largest possible ID. */
    public StreamId next() {
        if (seq == -1L) return ms == -1L ? null : new StreamId(ms + 1, 0);
        return new StreamId(ms, seq + 1);
    }

    /** The predecessor (streamDecrID), or null when this is 0-0. */
    public StreamId prev() {
        if (seq == 0) return ms == 0 ? null : new StreamId(ms - 1, -1L);
        return new StreamId(ms, seq - 1);
    }

    /** "ms-seq" as bytes, the form every reply uses. */
    public byte[] toBytes() {
        return toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Override public String toString() {
        return Long.toUnsignedString(ms) + "-" + Long.toUnsignedString(seq);
    }

    @Override public boolean equals(Object o) {
        return o instanceof StreamId other && other.ms == ms && other.seq == seq;
    }

    @Override public int hashCode() {
        return Long.hashCode(ms) * 31 + Long.hashCode(seq);
    }
}
