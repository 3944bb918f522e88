package io.cinnabar.persistence.snapshot;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The owner thread's side of a snapshot: an unsynchronized stream that fills fixed-size chunks
 * and hands each full one (and, on {@link #flushChunk}, the partial one) to a consumer.
 */
final class ChunkedOutput extends OutputStream {
    static final int CHUNK = 64 * 1024;
    private final Consumer<byte[]> handoff;
    /** Chunks the writer is done with (when its sink keeps none): reused, so a snapshot allocates ~its buffer once. */
    final java.util.concurrent.ConcurrentLinkedQueue<byte[]> free = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private byte[] buf = new byte[CHUNK];
    private int n;

    ChunkedOutput(Consumer<byte[]> handoff) {
        this.handoff = handoff;
    }

    @Override public void write(int b) {
        if (n == buf.length) full();
        buf[n++] = (byte) b;
    }

    @Override public void write(byte[] b, int off, int len) {
        while (len > 0) {
            if (n == buf.length) full();
            int k = Math.min(len, buf.length - n);
            System.arraycopy(b, off, buf, n, k);
            n += k;
            off += k;
            len -= k;
        }
    }

    private void full() {
        handoff.accept(buf);
        buf = fresh();
        n = 0;
    }

    private byte[] fresh() {
        byte[] b = free.poll();
        return b != null ? b : new byte[CHUNK];
    }

    /** Hands off what is buffered (an exact-size copy of a partial chunk). */
    void flushChunk() {
        if (n == 0) return;
        handoff.accept(n == buf.length ? buf : Arrays.copyOf(buf, n));
        if (n == buf.length) buf = fresh();
        n = 0;
    }
}
