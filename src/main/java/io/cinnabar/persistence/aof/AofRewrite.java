package io.cinnabar.persistence.aof;

import io.cinnabar.persistence.BackgroundChild;
import io.cinnabar.persistence.FunctionLibraries;
import io.cinnabar.persistence.SnapshotPurpose;
import io.cinnabar.persistence.snapshot.FileSink;
import io.cinnabar.persistence.snapshot.SnapshotJob;
import io.cinnabar.server.Log;
import io.cinnabar.store.Database;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Background AOF rewrite (Redis 7.0 rewriteAppendOnlyFileBackground / backgroundRewriteDoneHandler):
 * a new INCR file is opened and the keyspace image started at the same moment on the owner thread,
 * so the new BASE plus that INCR is exactly the dataset. An RDB base (aof-use-rdb-preamble) is a
 * {@link SnapshotJob}: the keyspace is walked in slices while the server serves, each key's old
 * value written before a command may change it. A base of commands is serialized at once and
 * written on a background thread. The temp file is then renamed to the next BASE, the older files
 * become HISTORY and are removed, and the manifest is replaced atomically. Failures leave the old files and open INCR files in
 * place; after three failures in a row automatic rewrites back off (1, 2, 4 ... 60 minutes).
 */
final class AofRewrite {
    private static final int LIMIT_THRESHOLD = 3;
    private static final int LIMIT_MAX_MINUTES = 60;
    /** REDIS_AUTOSYNC_BYTES: aof-rewrite-incremental-fsync syncs the temp file every 4 MB. */
    private static final int AUTOSYNC_BYTES = 4 * 1024 * 1024;

    private final AppendOnlyFile aof;
    private final Log log;
    private final ExecutorService io;
    boolean scheduled;
    long timeStart = -1;
    long timeLast = -1;
    boolean lastOk = true;
    long count;
    long consecutiveFailures;
    private Job job;
    private int nextDelayMinutes;
    private long nextRewriteTime;
    private long nextJobId = 1;

    /** One running rewrite: its stand-in child process and temp file. */
    private static final class Job {
        BackgroundChild child;
        Path tmp;
        SnapshotJob snapshot;
        /** rdb-key-save-delay: not done before this (nanoTime), as Redis' child sleeps after every key, the last too. */
        long notBefore;
        volatile boolean killed;
        volatile boolean stopped;
    }

    AofRewrite(AppendOnlyFile aof) {
        this.aof = aof;
        this.log = aof.log;
        this.io = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cinnabar-aof-rewrite");
            t.setDaemon(true);
            return t;
        });
    }

    boolean inProgress() {
        return job != null;
    }

    /** The BGREWRITEAOF reply (status text), or throws the error text as IllegalStateException. */
    String command(boolean inExec) {
        if (inProgress()) throw new IllegalStateException("Background append only file rewriting already in progress");
        if (aof.activeChild() || inExec) {
            scheduled = true;
            consecutiveFailures = 0; // a manual rewrite is not held back by the failure limit
            return "Background append only file rewriting scheduled";
        }
        if (startBackground()) return "Background append only file rewriting started";
        throw new IllegalStateException("Can't execute an AOF background rewriting. Please check the server logs for "
                + "more information.");
    }

    /** rewriteAppendOnlyFileBackground. */
    boolean startBackground() {
        if (aof.activeChild()) return false;
        if (!aof.files.createDir()) {
            lastOk = false;
            return false;
        }
        aof.selectedDb = -1;
        aof.flush(true);
        if (!openNewIncr()) {
            lastOk = false;
            return false;
        }
        count++;
        aof.server.stats().totalForks++;
        boolean rdb = aof.server.config().getBool("aof-use-rdb-preamble");
        Job j = new Job();
        int delay = aof.server.config().getInt("rdb-key-save-delay");
        j.child = BackgroundChild.start(delay != 0, nextJobId++, () -> aof.server.net().execute(() -> killed(j)));
        j.tmp = aof.files.dir().resolve("temp-rewriteaof-bg-" + j.child.pid() + ".aof");
        try {
            if (rdb) {
                // the child's own temp file, renamed to temp-rewriteaof-bg-<pid>.aof once complete
                FileSink sink = new FileSink(j.tmp, aof.files.dir().resolve("temp-rewriteaof-" + j.child.pid() + ".aof"));
                long keys = 0;
                for (Database db : aof.server.dbs()) keys += db.size();
                if (delay > 0) j.notBefore = System.nanoTime() + keys * delay * 1000L;
                j.snapshot = aof.persistence.startSnapshot(SnapshotPurpose.AOF_REWRITE, Map.of("aof-base", "1"), sink,
                        r -> done(j, r.ok()));
            } else {
                byte[] image = commands();
                long keys = 0;
                for (Database db : aof.server.dbs()) keys += db.size();
                boolean fsyncEvery4Mb = aof.server.config().getBool("aof-rewrite-incremental-fsync");
                long totalKeys = keys;
                io.execute(() -> {
                    boolean ok = writeImage(j, image, fsyncEvery4Mb, delay, totalKeys);
                    if (aof.server.net() != null) aof.server.net().execute(() -> done(j, ok));
                });
            }
        } catch (IOException | RuntimeException e) {
            j.child.finish();
            log.warning("Write error writing append only file on disk: " + e.getMessage());
            lastOk = false;
            consecutiveFailures++;
            return false;
        }
        job = j;
        log.notice("Background append only file rewriting started by pid " + j.child.pid());
        scheduled = false;
        timeStart = aof.unixtime();
        return true;
    }

    /** The keyspace as commands, on the owner thread. */
    private byte[] commands() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        boolean ts = aof.server.config().getBool("aof-timestamp-enabled");
        AofRewriter.write(out, aof.server.dbs(), ts ? System.currentTimeMillis() / 1000 : 0,
                FunctionLibraries.codesOf(aof.server));
        return out.toByteArray();
    }

    /** The child's work: the temp file, fsynced (rdb-key-save-delay slows it down per key, for tests). */
    private boolean writeImage(Job j, byte[] image, boolean incrementalFsync, int delay, long keys) {
        try (FileChannel ch = FileChannel.open(j.tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            int off = 0;
            while (off < image.length && !j.killed && !j.stopped) {
                int n = Math.min(AUTOSYNC_BYTES, image.length - off);
                ByteBuffer b = ByteBuffer.wrap(image, off, n);
                while (b.hasRemaining()) ch.write(b);
                off += n;
                if (incrementalFsync) ch.force(false);
            }
            for (long k = 0; delay != 0 && k < keys && !j.killed && !j.stopped; k++) sleepMicros(j, delay);
            ch.force(true);
        } catch (IOException e) {
            log.warning("Write error writing append only file on disk: " + AofException.reason(e));
            return false;
        }
        return !j.killed && !j.stopped;
    }

    private static void sleepMicros(Job j, long usec) {
        long nanos = usec < 0 ? -usec : usec * 1000;
        long end = System.nanoTime() + nanos;
        while (nanos > 0 && !j.killed && !j.stopped) {
            java.util.concurrent.locks.LockSupport.parkNanos(Math.min(nanos, 10_000_000L));
            nanos = end - System.nanoTime();
        }
    }

    /** openNewIncrAofForAppend: the INCR file the writes go to from now on. */
    private boolean openNewIncr() {
        if (aof.state == AppendOnlyFile.State.OFF) return true;
        AofManifest temp = null;
        String name;
        if (aof.state == AppendOnlyFile.State.WAIT_REWRITE) {
            name = aof.files.tempIncrName();
        } else {
            temp = aof.manifest.copy();
            name = temp.newIncr(aof.files.aofFilename());
        }
        FileChannel ch;
        try {
            ch = AppendOnlyFile.open(aof.files.inAofDir(name), false);
        } catch (IOException e) {
            log.warning("Can't open the append-only file " + name + ": " + AofException.reason(e));
            return false;
        }
        if (temp != null && !aof.files.persist(temp)) {
            AppendOnlyFile.closeQuietly(ch);
            return false;
        }
        log.notice("Creating AOF incr file " + name + " on background rewrite");
        if (aof.fd != null) {
            aof.backgroundFsync(aof.fd, true);
            aof.lastFsyncSecond = aof.unixtime();
        }
        aof.fd = ch;
        aof.lastIncrSize = 0;
        aof.lastIncrFsyncOffset = 0;
        if (temp != null) aof.manifest = temp;
        return true;
    }

    private void killed(Job j) {
        if (j != job || j.stopped) return;
        j.killed = true;
        if (j.snapshot != null) j.snapshot.cancel(0);
        lastOk = false;
        consecutiveFailures++;
        log.warning("Background AOF rewrite terminated by signal 9");
        cleanup(j);
    }

    /** killAppendOnlyChild: stops the rewrite without counting a failure (Redis' SIGUSR1). */
    void kill() {
        Job j = job;
        if (j == null) return;
        log.notice("Killing running AOF rewrite child: " + j.child.pid());
        j.stopped = true;
        if (j.snapshot != null) j.snapshot.cancel(1000);
        j.child.finish();
        aof.files.unlinkInBackground(j.tmp);
        job = null;
        timeStart = -1;
    }

    /** backgroundRewriteDoneHandler. */
    private void done(Job j, boolean ok) {
        if (j != job) return; // killed or stopped meanwhile
        long wait = j.notBefore - System.nanoTime();
        if (ok && j.notBefore != 0 && wait > 0) {
            aof.server.net().schedule(() -> done(j, true), Math.max(1, Math.min(wait / 1_000_000, 100)));
            return;
        }
        j.child.finish();
        if (!ok) {
            lastOk = false;
            consecutiveFailures++;
            log.warning("Background AOF rewrite terminated with error");
        } else {
            install(j);
        }
        cleanup(j);
    }

    private void install(Job j) {
        log.notice("Background AOF rewrite terminated with success");
        AofFiles files = aof.files;
        AofManifest temp = aof.manifest.copy();
        String base = temp.newBase(files.aofFilename(), isRdb(j.tmp));
        Path basePath = files.inAofDir(base);
        try {
            Files.move(j.tmp, basePath, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warning("Error trying to rename the temporary AOF base file " + j.tmp.getFileName() + " into " + basePath
                    + ": " + AofException.reason(e));
            failed();
            return;
        }
        log.notice("Successfully renamed the temporary AOF base file " + j.tmp.getFileName() + " into " + base);
        Path incrPath = null;
        if (aof.state == AppendOnlyFile.State.WAIT_REWRITE) {
            String tempIncr = files.tempIncrName();
            String incr = temp.newIncr(files.aofFilename());
            incrPath = files.inAofDir(incr);
            try {
                Files.move(files.inAofDir(tempIncr), incrPath, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                log.warning("Error trying to rename the temporary AOF incr file " + files.inAofDir(tempIncr) + " into "
                        + incrPath + ": " + AofException.reason(e));
                files.unlinkInBackground(basePath);
                failed();
                return;
            }
            log.notice("Successfully renamed the temporary AOF incr file " + tempIncr + " into " + incr);
        }
        temp.markRewrittenIncrAsHistory(aof.fd != null);
        if (!files.persist(temp)) {
            files.unlinkInBackground(basePath);
            if (incrPath != null) files.unlinkInBackground(incrPath);
            failed();
            return;
        }
        aof.manifest = temp;
        if (aof.state != AppendOnlyFile.State.OFF) {
            aof.currentSize = files.sizeOrZero(basePath) + aof.lastIncrSize;
            aof.rewriteBaseSize = aof.currentSize;
        }
        aof.deleteHistoryFiles();
        lastOk = true;
        consecutiveFailures = 0;
        log.notice("Background AOF rewrite finished successfully");
        if (aof.state == AppendOnlyFile.State.WAIT_REWRITE) aof.state = AppendOnlyFile.State.ON;
    }

    private static boolean isRdb(Path p) {
        byte[] sig = new byte[5];
        try (var in = Files.newInputStream(p)) {
            return in.readNBytes(sig, 0, 5) == 5 && new String(sig, java.nio.charset.StandardCharsets.US_ASCII).equals("REDIS");
        } catch (IOException e) {
            return false;
        }
    }

    private void failed() {
        lastOk = false;
        consecutiveFailures++;
    }

    private void cleanup(Job j) {
        aof.files.unlinkInBackground(j.tmp);
        if (aof.state == AppendOnlyFile.State.WAIT_REWRITE) {
            aof.buf.clear();
            String tempIncr = aof.files.tempIncrName();
            log.notice("Removing the temp incr aof file " + tempIncr + " in the background");
            aof.files.unlinkInBackground(aof.files.inAofDir(tempIncr));
        }
        timeLast = aof.unixtime() - timeStart;
        timeStart = -1;
        job = null;
        if (aof.state == AppendOnlyFile.State.WAIT_REWRITE) scheduled = true;
    }

    /** aofRewriteLimited: after repeated failures, automatic rewrites wait 1, 2, 4 ... 60 minutes. */
    boolean limited() {
        if (consecutiveFailures < LIMIT_THRESHOLD) {
            nextDelayMinutes = 0;
            nextRewriteTime = 0;
            return false;
        }
        if (nextRewriteTime != 0) {
            if (aof.unixtime() < nextRewriteTime) return true;
            nextRewriteTime = 0;
            return false;
        }
        nextDelayMinutes = nextDelayMinutes == 0 ? 1 : Math.min(nextDelayMinutes * 2, LIMIT_MAX_MINUTES);
        nextRewriteTime = aof.unixtime() + nextDelayMinutes * 60L;
        log.warning("Background AOF rewrite has repeatedly failed and triggered the limit, will retry in "
                + nextDelayMinutes + " minutes");
        return true;
    }

    /** From serverCron: a scheduled rewrite, or an automatic one on growth. */
    void cron() {
        if (aof.activeChild()) return;
        if (scheduled && !limited()) {
            startBackground();
            return;
        }
        long perc = aof.server.config().getLong("auto-aof-rewrite-percentage");
        if (aof.state == AppendOnlyFile.State.ON && perc > 0
                && aof.currentSize > aof.server.config().getLong("auto-aof-rewrite-min-size")) {
            long base = aof.rewriteBaseSize > 0 ? aof.rewriteBaseSize : 1;
            long growth = aof.currentSize * 100 / base - 100;
            if (growth >= perc && !limited()) {
                log.notice("Starting automatic rewriting of AOF on " + growth + "% growth");
                startBackground();
            }
        }
    }

    void close() {
        io.shutdown();
    }
}
