package io.cinnabar.replication;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;

/**
 * The master's RDB on its way from the event loop (which {@link #feed}s what the socket delivers)
 * to the loader thread (which reads it as a stream): Redis' diskless load reads the socket from
 * the parser. When more than {@code highWater} bytes wait, {@code pause} stops reading the socket
 * until the loader caught up, so a slow load slows the transfer as Redis' blocking reads do.
 */
final class RdbPipe extends InputStream {
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private final long highWater;
    private final Runnable pause;
    private final Runnable resume;
    private byte[] current;
    private int pos;
    private long buffered;
    private boolean paused;
    private boolean finished;
    private String failure;
    private volatile long lastReadNanos = System.nanoTime();

    RdbPipe(long highWater, Runnable pause, Runnable resume) {
        this.highWater = highWater;
        this.pause = pause;
        this.resume = resume;
    }

    /** Event loop: bytes from the socket (the array is the pipe's from now on). */
    synchronized void feed(byte[] c) {
        int len = c.length;
        if (len == 0 || finished || failure != null) return;
        chunks.add(c);
        buffered += len;
        if (buffered > highWater && !paused) {
            paused = true;
            pause.run();
        }
        notifyAll();
    }

    /** Event loop: the whole RDB was fed. */
    synchronized void finish() {
        finished = true;
        notifyAll();
    }

    /** The transfer broke: the loader sees a short read. */
    synchronized void fail(String why) {
        failure = why;
        chunks.clear();
        buffered = 0;
        notifyAll();
    }

    /** Bytes fed and not yet read by the loader. */
    synchronized long buffered() {
        return buffered;
    }

    /** When the loader last took bytes (the link's timeout counts the loader's reads, as Redis' blocking reads). */
    long lastReadNanos() {
        return lastReadNanos;
    }

    @Override public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (current == null) {
            if (failure != null) throw new EOFException(failure);
            current = chunks.poll();
            pos = 0;
            if (current != null) break;
            if (finished) return -1;
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EOFException("interrupted");
            }
        }
        if (failure != null) throw new EOFException(failure);
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        if (pos == current.length) current = null;
        buffered -= n;
        lastReadNanos = System.nanoTime();
        if (paused && buffered < highWater / 2) {
            paused = false;
            resume.run();
        }
        return n;
    }
}
