package io.cinnabar.persistence.snapshot;

import java.io.IOException;

/**
 * Where a {@link SnapshotJob}'s bytes go: a file (BGSAVE), a replica's socket (full sync), the
 * base of a rewritten AOF. Every method is called on the job's writer thread, never on the owner
 * thread, in this order: {@code write}* then exactly one of {@code finish} or {@code abort}.
 * {@code write} may block: the owner thread then slows its slicing (bounded buffering), it never
 * waits itself.
 */
public interface Sink {
    /** The next bytes of the RDB image, in order (the array is not reused after the call). */
    void write(byte[] b, int off, int len) throws IOException;

    /** After the last byte (the CRC64 included): make the image durable or visible (fsync, rename, EOF mark). */
    default void finish() throws IOException {}

    /**
     * Whether the sink may still hold an array after {@code write} returned (a socket write queued
     * for later); a sink that does not lets the snapshot reuse its chunks instead of allocating new ones.
     */
    default boolean retainsArrays() {
        return true;
    }

    /** The snapshot failed or was cancelled: drop what was written (delete a temp file, close a socket). */
    default void abort() {}
}
