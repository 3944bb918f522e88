package io.cinnabar.persistence.snapshot;

import io.cinnabar.persistence.rdb.Crc64;
import io.cinnabar.persistence.rdb.RdbSnapshot;
import io.cinnabar.persistence.rdb.RdbWriter;
import io.cinnabar.store.Database;
import io.cinnabar.store.Dict;
import io.cinnabar.store.KeyEntry;
import io.cinnabar.store.SnapshotVersions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A point-in-time RDB image of the keyspace, taken while the server keeps serving (BGSAVE, a
 * replica's full sync, the RDB preamble of an AOF rewrite). Java cannot fork, so this is
 * Dragonfly's versioned snapshot:
 * <ul>
 * <li>the owner thread walks each database's dict with the reverse-binary SCAN cursor, in slices
 *     of about {@link Options#sliceNanos} scheduled on the event loop between command batches;
 * <li>before anything reaches an entry the walk has not written yet, {@link SnapshotVersions}'
 *     hook writes its old value first; each written entry is stamped with this snapshot's epoch,
 *     and keys created meanwhile carry it from birth, so every key present at the start is
 *     written exactly once and no later key is;
 * <li>FLUSHDB/FLUSHALL/SWAPDB/DEBUG RELOAD swap whole dicts: the walk keeps the dicts it started
 *     with (as a forked child keeps its pages), so they need nothing special;
 * <li>bytes go in 64 KB chunks to a writer thread that computes the CRC64 and feeds the
 *     {@link Sink}; when more than {@link Options#maxBufferedBytes} wait, the walk pauses (the
 *     pre-write hook still writes), so a slow sink slows the snapshot, not the server.
 * </ul>
 * Records of several databases may interleave (a pre-write in db 3 while the walk is in db 0):
 * each switch writes SELECTDB again, which Redis' loader accepts; RESIZEDB comes once per database
 * with its size at the start. One snapshot runs at a time per keyspace, as Redis has one child.
 * <p>
 * Owner-thread API: {@link #start}, {@link #cancel}, the progress getters. {@code done} is called
 * once, on the owner thread, after the sink finished or aborted.
 */
public final class SnapshotJob {
    /** The owner thread's event loop. */
    public interface Loop {
        void execute(Runnable r);

        void schedule(Runnable r, long delayMillis);
    }

    /**
     * @param keySaveDelayMicros rdb-key-save-delay: per key the walk writes (tests use it to make
     *                           saves slow); pre-writes are never delayed
     */
    public record Options(boolean compress, boolean checksum, int keySaveDelayMicros, long sliceNanos,
            long maxBufferedBytes) {
        public static Options defaults(boolean compress, boolean checksum, int keySaveDelayMicros) {
            return new Options(compress, checksum, keySaveDelayMicros, 1_000_000L, 8L << 20);
        }
    }

    public enum Status { OK, FAILED, CANCELLED }

    /** How it ended: keys written, bytes handed to the sink (CRC included), the error if any. */
    public record Result(Status status, long keys, long bytes, String error) {
        public boolean ok() {
            return status == Status.OK;
        }
    }

    private enum State { WALKING, DRAINING, DONE }

    private static final byte[] END = new byte[0];
    private static final byte[] ABORT = new byte[0];

    private final SnapshotVersions versions;
    private final int epoch;
    private final Dict<KeyEntry>[] dicts;
    private final int[] ids;
    private final long[] sizes;
    private final long[] expireSizes;
    private final boolean[] resized;
    private final Options options;
    private final Loop loop;
    private final Sink sink;
    private final Consumer<Result> done;
    private final ChunkedOutput out;
    private final boolean recycle;
    private final RdbWriter w;
    private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final Thread writer;
    private final long totalKeys;
    private final long startNanos = System.nanoTime();
    private final Consumer<KeyEntry> walkVisitor = this::walked;
    private State state = State.WALKING;
    private int dbIndex;
    private long cursor;
    private int lastDb = -1;
    private long keysWritten;
    private long nextKeyNanos;
    private volatile long bytesWritten;
    private volatile String writerError;

    @SuppressWarnings("unchecked")
    private SnapshotJob(Database[] dbs, Options options, Loop loop, Sink sink, Consumer<Result> done) {
        int n = 0;
        for (Database db : dbs) if (db.size() > 0) n++;
        this.dicts = new Dict[n];
        this.ids = new int[n];
        this.sizes = new long[n];
        this.expireSizes = new long[n];
        this.resized = new boolean[n];
        long total = 0;
        int i = 0;
        for (Database db : dbs) {
            if (db.size() == 0) continue;
            dicts[i] = db.keys();
            ids[i] = db.id();
            sizes[i] = db.size();
            expireSizes[i] = db.expiresSize();
            total += db.size();
            i++;
        }
        this.totalKeys = total;
        this.options = options;
        this.loop = loop;
        this.sink = sink;
        this.done = done;
        this.out = new ChunkedOutput(this::handoff);
        this.recycle = !sink.retainsArrays();
        this.w = new RdbWriter(out, options.compress(), false);
        this.versions = dbs[0].versions();
        this.epoch = versions.begin(this::beforeAccess, dbs);
        this.writer = new Thread(this::runWriter, "cinnabar-snapshot-writer");
        writer.setDaemon(true);
    }

    /**
     * Starts a snapshot of {@code dbs} (a server's live databases, all sharing one
     * {@link SnapshotVersions}) on the owner thread. The image is exactly the keyspace as it is now.
     *
     * @param aux  AUX fields written after the header (redis-ver, ..., repl-id/repl-offset, aof-base)
     * @param done called on the owner thread when the sink finished or aborted
     * @throws IllegalStateException if a snapshot of this keyspace is already walking
     */
    public static SnapshotJob start(Database[] dbs, Map<String, String> aux, Options options, Loop loop, Sink sink,
            Consumer<Result> done) {
        return start(dbs, aux, java.util.List.of(), options, loop, sink, done);
    }

    /** As above, with the function libraries' code written after the AUX fields. */
    public static SnapshotJob start(Database[] dbs, Map<String, String> aux, java.util.List<byte[]> functions,
            Options options, Loop loop, Sink sink, Consumer<Result> done) {
        SnapshotJob job = new SnapshotJob(dbs, options, loop, sink, done);
        try {
            RdbSnapshot.header(job.w, aux, functions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        job.writer.start();
        job.slice();
        return job;
    }

    // ---- owner thread: the walk ----

    private void slice() {
        if (writerError != null) {
            finishWalk(false);
            return;
        }
        if (queuedBytes.get() > options.maxBufferedBytes()) { // the sink is behind: wait for it
            loop.schedule(this::slice, 1);
            return;
        }
        long delayNanos = options.keySaveDelayMicros() > 0 ? options.keySaveDelayMicros() * 1000L : 0;
        long deadline = System.nanoTime() + options.sliceNanos();
        long budgetBytes = options.maxBufferedBytes() / 4;
        long startQueued = queuedBytes.get();
        while (dbIndex < dicts.length) {
            if (delayNanos > 0) {
                long now = System.nanoTime();
                if (nextKeyNanos == 0) nextKeyNanos = now;
                if (now < nextKeyNanos) {
                    long ms = Math.max(1, (nextKeyNanos - now + 999_999) / 1_000_000);
                    loop.schedule(this::slice, Math.min(ms, 100));
                    return;
                }
            }
            long before = keysWritten;
            cursor = dicts[dbIndex].scan(cursor, walkVisitor);
            if (cursor == 0) dbIndex++;
            if (delayNanos > 0) nextKeyNanos += delayNanos * (keysWritten - before);
            // a step is one bucket (more while the dict rehashes): check the clock after each
            if (System.nanoTime() > deadline || queuedBytes.get() - startQueued > budgetBytes) break;
        }
        if (dbIndex == dicts.length) {
            finishWalk(true);
        } else {
            loop.schedule(this::slice, 0);
        }
    }

    private void walked(KeyEntry e) {
        if (e.snapshotStamp() != epoch) write(dbIndex, e);
        if (options.keySaveDelayMicros() < 0 && ThreadLocalRandom.current().nextInt(-options.keySaveDelayMicros()) == 0) {
            nextKeyNanos = Math.max(nextKeyNanos, System.nanoTime()) + 1000; // Redis' statistical 1 µs
        }
    }

    /** The pre-write hook: an entry of one of our dicts is about to be read, changed or removed. */
    private void beforeAccess(Dict<KeyEntry> dict, KeyEntry e) {
        for (int i = 0; i < dicts.length; i++) {
            if (dicts[i] == dict) {
                write(i, e);
                return;
            }
        }
        e.snapshotStamp(epoch); // a dict created after the start (its keys are not part of the image)
    }

    private void write(int i, KeyEntry e) {
        try {
            if (lastDb != i) {
                RdbSnapshot.selectDb(w, ids[i]);
                if (!resized[i]) {
                    RdbSnapshot.resizeDb(w, sizes[i], expireSizes[i]);
                    resized[i] = true;
                }
                lastDb = i;
            }
            RdbSnapshot.writeKey(w, e);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex); // ChunkedOutput does not throw
        }
        e.snapshotStamp(epoch);
        keysWritten++;
    }

    private void handoff(byte[] chunk) {
        queuedBytes.addAndGet(chunk.length);
        queue.add(chunk);
    }

    private void finishWalk(boolean complete) {
        versions.end(complete);
        state = State.DRAINING;
        if (complete) {
            try {
                w.writeByte(RdbWriter.OPCODE_EOF);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.flushChunk();
            queue.add(END);
        } else {
            queue.clear();
            queue.add(ABORT);
        }
    }

    /**
     * Stops the snapshot: no more walking, the sink is aborted (a temp file deleted) on the writer
     * thread, then {@code done} gets CANCELLED. Waits up to {@code waitMillis} for the abort
     * (SHUTDOWN wants the temp file gone before exiting).
     */
    public void cancel(long waitMillis) {
        if (state == State.DONE) return;
        if (state == State.WALKING) {
            finishWalk(false);
        } else {
            queue.clear();
            queue.add(ABORT);
        }
        writer.interrupt();
        if (waitMillis > 0) {
            try {
                writer.join(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void completed(Status status, String error) {
        if (state == State.DONE) return;
        if (state == State.WALKING) versions.end(false);
        state = State.DONE;
        done.accept(new Result(status, keysWritten, bytesWritten, error));
    }

    // ---- writer thread ----

    private void runWriter() {
        long crc = 0;
        long written = 0;
        try {
            while (true) {
                byte[] c = queue.take();
                if (c == ABORT) {
                    sink.abort();
                    loop.execute(() -> completed(Status.CANCELLED, null));
                    return;
                }
                if (c == END) {
                    byte[] tail = new byte[8];
                    long v = options.checksum() ? crc : 0;
                    for (int i = 0; i < 8; i++) tail[i] = (byte) (v >>> (8 * i));
                    sink.write(tail, 0, 8);
                    bytesWritten = written + 8;
                    sink.finish();
                    loop.execute(() -> completed(Status.OK, null));
                    return;
                }
                if (options.checksum()) crc = Crc64.update(crc, c, 0, c.length);
                sink.write(c, 0, c.length);
                written += c.length;
                bytesWritten = written;
                queuedBytes.addAndGet(-c.length);
                if (recycle && c.length == ChunkedOutput.CHUNK) out.free.offer(c);
            }
        } catch (InterruptedException e) {
            sink.abort();
            loop.execute(() -> completed(Status.CANCELLED, null));
        } catch (Throwable t) {
            String msg = t.getMessage() == null ? t.toString() : t.getMessage();
            writerError = msg;
            sink.abort();
            loop.execute(() -> {
                if (state == State.WALKING) finishWalk(false);
                completed(Status.FAILED, msg);
            });
        }
    }

    // ---- progress (owner thread) ----

    /** Keys in the image so far (INFO current_save_keys_processed). */
    public long keysWritten() {
        return keysWritten;
    }

    /** Keys at the start (INFO current_save_keys_total). */
    public long keysTotal() {
        return totalKeys;
    }

    /** Bytes the sink has taken so far. */
    public long bytesWritten() {
        return bytesWritten;
    }

    /** True until {@code done} was called. */
    public boolean inProgress() {
        return state != State.DONE;
    }

    /** True while the walk runs (the pre-write hook is active). */
    public boolean walking() {
        return state == State.WALKING;
    }

    public long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
