package io.cinnabar.persistence;

import io.cinnabar.persistence.rdb.RdbFormatException;
import io.cinnabar.persistence.rdb.RdbLoadOptions;
import io.cinnabar.persistence.rdb.RdbLoader;
import io.cinnabar.persistence.rdb.RdbSnapshot;
import io.cinnabar.persistence.snapshot.FileSink;
import io.cinnabar.persistence.snapshot.Sink;
import io.cinnabar.persistence.snapshot.SnapshotJob;
import io.cinnabar.server.Server;
import io.cinnabar.store.Database;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * RDB persistence of one server: SAVE, BGSAVE, save points, loading at start, and the state INFO
 * persistence reports.
 * <p>
 * A background save is a {@link SnapshotJob}: the keyspace is serialized in slices between
 * commands, with old values written before any write reaches them, and the file is written and
 * fsynced on the job's writer thread. Other subsystems (full sync, AOF rewrite) start their
 * snapshots through {@link #startSnapshot}; one runs at a time.
 */
public final class Persistence {
    private final Server server;
    private boolean bgsaveInProgress;
    private SnapshotJob job;
    private SnapshotJob bgsaveJob;
    /** The stand-in child of the running BGSAVE (a kill -9 of it aborts the save, as of Redis' child). */
    private BackgroundChild bgsaveChild;
    private boolean bgsaveKilled;
    private SnapshotPurpose jobPurpose;
    private boolean bgsaveScheduled;
    private boolean lastBgsaveOk = true;
    private long bgsaveStartMillis;
    private long lastBgsaveSeconds = -1;
    private long dirtyAtBgsaveStart;
    private long lastBgsaveTryMillis;
    private final Loading loading;
    private long rdbSaves;
    private long lastLoadKeys;
    private long lastLoadExpired;
    private boolean skipShutdownSave;
    private final MigrateSockets migrateSockets = new MigrateSockets();
    /** Extra AUX fields for every save (replication's repl-id/repl-offset, rdbPopulateSaveInfo). */
    private java.util.function.Supplier<Map<String, String>> saveInfo = Map::of;
    /** The AUX fields of the RDB loaded at startup. */
    private Map<String, String> loadedAux = Map.of();

    /** MISCONF: whether writes are refused for a disk error (set by {@link DiskErrorGuard#install}). */
    DiskErrorGuard diskErrors;

    public Persistence(Server server) {
        this.server = server;
        this.loading = new Loading(server);
        loading.install();
    }

    public Path rdbPath() {
        return Path.of(server.config().get("dir")).resolve(server.config().get("dbfilename"));
    }

    /** A BGSAVE, or any RDB snapshot (a full sync's), is running: Redis' child_type == CHILD_TYPE_RDB. */
    public boolean bgsaveInProgress() {
        return bgsaveInProgress || (jobPurpose != null && jobPurpose.rdb());
    }

    /** The MISCONF error writes get now (writeCommandsDeniedByDiskError), or null. */
    public io.cinnabar.error.RedisError diskWriteDenial() {
        return diskErrors == null ? null : diskErrors.denial();
    }

    public boolean lastBgsaveOk() {
        return lastBgsaveOk;
    }

    /** The load in progress, if any (startLoading's state, the LOADING refusals). */
    public Loading loading() {
        return loading;
    }

    public long rdbSaves() {
        return rdbSaves;
    }

    /** MIGRATE's cached connections. */
    public MigrateSockets migrateSockets() {
        return migrateSockets;
    }

    public long lastLoadKeys() {
        return lastLoadKeys;
    }

    public long lastLoadExpired() {
        return lastLoadExpired;
    }

    /** SHUTDOWN NOSAVE, or a SHUTDOWN that already saved: the exit path must not save (again). */
    public void skipShutdownSave() {
        skipShutdownSave = true;
    }

    /** The save on a normal exit (SIGTERM, close): when save points are configured, as Redis. */
    public void shutdownSave() {
        // never while loading: it would overwrite the file with half-read data (prepareForShutdown)
        if (skipShutdownSave || loading.active() || server.config().get("save").isBlank()) return;
        try {
            save();
        } catch (IOException e) {
            server.log().warning("Error trying to save the DB, can't exit: " + e.getMessage());
        }
    }

    /** INFO current_save_keys_processed / current_save_keys_total. */
    public long currentSaveKeysProcessed() {
        return job == null ? 0 : job.keysWritten();
    }

    public long currentSaveKeysTotal() {
        return job == null ? 0 : job.keysTotal();
    }

    public long currentBgsaveSeconds() {
        if (bgsaveInProgress) return (server.clock().millis() - bgsaveStartMillis) / 1000;
        return job != null && jobPurpose.rdb() ? job.elapsedMillis() / 1000 : -1;
    }

    public long lastBgsaveSeconds() {
        return lastBgsaveSeconds;
    }

    public void saveInfo(java.util.function.Supplier<Map<String, String>> s) {
        this.saveInfo = s;
    }

    public Map<String, String> loadedAux() {
        return loadedAux;
    }

    /** The AUX fields Redis 7.0 writes. */
    private Map<String, String> aux() {
        Map<String, String> aux = new LinkedHashMap<>();
        aux.put("redis-ver", "7.0.15");
        aux.put("redis-bits", "64");
        aux.put("ctime", Long.toString(server.clock().millis() / 1000));
        aux.put("used-mem", Long.toString(Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()));
        aux.put("aof-base", "0");
        aux.putAll(saveInfo.get());
        return aux;
    }

    /** The function libraries' code, saved with the keys (rdbSaveFunctions). */
    private java.util.List<byte[]> functionCodes() {
        io.cinnabar.scripting.Scripting s = server.scripting();
        return s == null ? java.util.List.of() : s.functions().codes();
    }

    /**
     * The functions of a loaded RDB replace the current ones (Redis empties them with the data,
     * or loads into a fresh context it swaps in), on the owner thread.
     */
    public void adoptFunctions(java.util.List<byte[]> codes) {
        io.cinnabar.scripting.Scripting s = server.scripting();
        if (s == null) return;
        s.functions().flush();
        for (byte[] code : codes) {
            String err = s.functions().loadFromRdb(code, true);
            if (err != null) server.log().warning("Failed loading library from RDB: " + err);
        }
    }

    /** The whole keyspace as RDB bytes (on the owner thread). */
    public byte[] snapshotBytes() throws IOException {
        return snapshotBytes(Map.of());
    }

    /** The keyspace as RDB bytes with extra AUX fields (repl-id, repl-offset for a replica's full sync). */
    public byte[] snapshotBytes(Map<String, String> extraAux) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        Map<String, String> aux = aux();
        aux.putAll(extraAux);
        RdbSnapshot.write(bytes, server.dbs(), aux, functionCodes(), server.config().getBool("rdbcompression"),
                server.config().getBool("rdbchecksum"));
        return bytes.toByteArray();
    }

    /** SAVE: writes the file now, blocking the server (as Redis does). */
    public void save() throws IOException {
        long dirtyAtStart = server.dirty;
        Path target = rdbPath();
        Path tmp = target.resolveSibling("temp-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".rdb");
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tmp,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = buffered(java.nio.channels.Channels.newOutputStream(ch));
            RdbSnapshot.write(out, server.dbs(), aux(), functionCodes(), server.config().getBool("rdbcompression"),
                    server.config().getBool("rdbchecksum"));
            out.flush();
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        saved(dirtyAtStart);
    }

    private void saved(long dirtyAtStart) {
        server.dirty -= Math.min(server.dirty, dirtyAtStart);
        server.lastSaveMillis = server.clock().millis();
        rdbSaves++;
    }

    /**
     * Starts a point-in-time snapshot of the keyspace that runs while the server serves (see
     * {@link SnapshotJob}): the RDB image as of now, with Redis' AUX fields plus {@code extraAux}
     * (repl-id/repl-offset for a replica, aof-base 1 for an AOF preamble), streamed to {@code sink}.
     * One runs at a time (Redis' one child): check {@link #snapshotInProgress()} first.
     *
     * @param done called on the owner thread when the sink finished, failed or was cancelled
     * @throws IllegalStateException if a snapshot is already in progress
     */
    public SnapshotJob startSnapshot(SnapshotPurpose purpose, Map<String, String> extraAux, Sink sink,
            Consumer<SnapshotJob.Result> done) {
        if (job != null) throw new IllegalStateException("a snapshot is already in progress");
        jobPurpose = purpose;
        Map<String, String> aux = aux();
        aux.putAll(extraAux);
        SnapshotJob.Options options = SnapshotJob.Options.defaults(server.config().getBool("rdbcompression"),
                server.config().getBool("rdbchecksum"), server.config().getInt("rdb-key-save-delay"));
        SnapshotJob.Loop loop = new SnapshotJob.Loop() {
            @Override public void execute(Runnable r) {
                server.net().execute(r);
            }

            @Override public void schedule(Runnable r, long delayMillis) {
                server.net().schedule(r, delayMillis);
            }
        };
        SnapshotJob[] started = new SnapshotJob[1];
        started[0] = SnapshotJob.start(server.dbs(), aux, functionCodes(), options, loop, sink, r -> {
            if (job == started[0]) {
                job = null;
                jobPurpose = null;
            }
            done.accept(r);
        });
        job = started[0];
        return job;
    }

    /** True while a snapshot (BGSAVE, full sync, AOF rewrite) runs: Redis' "a child is active". */
    public boolean snapshotInProgress() {
        return job != null;
    }

    /** Why the running snapshot was started, or null: Redis' child_type (RDB for BGSAVE and full sync, AOF). */
    public SnapshotPurpose snapshotPurpose() {
        return jobPurpose;
    }

    /** The running snapshot, or null. */
    public SnapshotJob snapshot() {
        return job;
    }

    /** BGSAVE: false if a snapshot is already running. The file is written while the server serves. */
    public boolean bgsave() {
        if (job != null) return false;
        long dirtyAtStart = server.dirty;
        lastBgsaveTryMillis = server.clock().millis();
        FileSink sink;
        try {
            sink = FileSink.forTarget(rdbPath());
        } catch (IOException e) {
            server.log().warning("Failed opening the temp RDB file (in server root dir " + server.config().get("dir")
                    + ") for saving: " + e.getMessage());
            lastBgsaveOk = false;
            return true;
        }
        bgsaveInProgress = true;
        bgsaveScheduled = false;
        bgsaveStartMillis = server.clock().millis();
        server.log().notice("Background saving started");
        server.stats().totalForks++;
        bgsaveKilled = false;
        bgsaveChild = BackgroundChild.start(server.config().getInt("rdb-key-save-delay") != 0, bgsaveStartMillis,
                () -> server.net().execute(this::bgsaveChildKilled));
        bgsaveJob = startSnapshot(SnapshotPurpose.BGSAVE, Map.of(), sink, r -> bgsaveDone(r, dirtyAtStart));
        return true;
    }

    private void bgsaveChildKilled() {
        if (bgsaveJob == null) return;
        bgsaveKilled = true;
        bgsaveJob.cancel(0);
    }

    private void bgsaveDone(SnapshotJob.Result r, long dirtyAtStart) {
        if (bgsaveChild != null) bgsaveChild.finish();
        bgsaveChild = null;
        if (bgsaveKilled && r.status() == SnapshotJob.Status.CANCELLED) {
            bgsaveKilled = false;
            bgsaveInProgress = false;
            bgsaveJob = null;
            lastBgsaveOk = false;
            lastBgsaveSeconds = (server.clock().millis() - bgsaveStartMillis) / 1000;
            server.log().warning("Background saving terminated by signal 9");
            return;
        }
        bgsaveInProgress = false;
        bgsaveJob = null;
        lastBgsaveSeconds = (server.clock().millis() - bgsaveStartMillis) / 1000;
        switch (r.status()) {
            case OK -> {
                lastBgsaveOk = true;
                saved(dirtyAtStart);
                server.log().notice("Background saving terminated with success");
            }
            case FAILED -> {
                lastBgsaveOk = false;
                server.log().warning("Background saving error: " + r.error());
            }
            case CANCELLED -> server.log().warning("Background saving terminated by signal 10");
        }
    }

    /** Stops a running BGSAVE (killRDBChild): FLUSHALL, SHUTDOWN. The status stays as it was. */
    public void cancelBgsave(long waitMillis) {
        if (bgsaveJob != null) bgsaveJob.cancel(waitMillis);
    }

    /**
     * FLUSHALL's part (flushAllDataAndResetRDB): a running BGSAVE is aborted, and with save points
     * configured the now empty dataset is saved at once.
     */
    public void afterFlushAll() {
        cancelBgsave(0);
        // killRDBChild: a full sync's snapshot goes too; its replicas reconnect and sync anew
        if (job != null && jobPurpose == SnapshotPurpose.FULL_SYNC) job.cancel(0);
        if (server.config().get("save").isBlank()) return;
        try {
            save();
        } catch (IOException e) {
            server.log().warning("Error saving DB on FLUSHALL: " + e.getMessage());
        }
    }

    public void scheduleBgsave() {
        bgsaveScheduled = true;
    }

    /** From cron: a scheduled BGSAVE, and the save points. */
    public void cron() {
        migrateSockets.cron(server.clock().millis());
        if (job != null) return;
        if (bgsaveScheduled) {
            bgsave();
            return;
        }
        String save = server.config().get("save").trim();
        if (save.isEmpty() || server.dirty == 0) return;
        long now = server.clock().millis();
        String[] p = save.split("\\s+");
        for (int i = 0; i + 1 < p.length; i += 2) {
            long secs = Long.parseLong(p[i]);
            long changes = Long.parseLong(p[i + 1]);
            boolean retryOk = lastBgsaveOk || now - lastBgsaveTryMillis > 5000;
            if (server.dirty >= changes && now - server.lastSaveMillis > secs * 1000 && retryOk) {
                server.log().notice(changes + " changes in " + secs + " seconds. Saving...");
                bgsave();
                return;
            }
        }
    }

    /**
     * Loads the RDB file at start, if there is one, on a loader thread while the server answers
     * LOADING (see {@link Loading}). The future completes on the event loop once the data is in
     * place, or fails with Redis' reason if the file is unreadable.
     */
    public java.util.concurrent.CompletableFuture<Void> loadAtStartupInBackground() {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        Path file = rdbPath();
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            done.complete(null); // no file: start empty
            return done;
        }
        long t0 = System.nanoTime();
        long now = server.clock().millis();
        boolean keepExpired = server.isReplica();
        RdbLoadOptions options = new RdbLoadOptions(server.config());
        Database[] fresh = freshDatabases();
        loading.start(size, false);
        loading.runInBackground("cinnabar-rdb-load", () -> parseFile(file, fresh, now, keepExpired, options),
                (r, err) -> {
                    loading.stop();
                    if (err != null) {
                        done.completeExceptionally(err);
                        return;
                    }
                    if (r != null) adopt(fresh, r, t0);
                    done.complete(null);
                });
        return done;
    }

    /** Empty databases for a load that runs off the event loop (see {@link #adoptDatabases}). */
    public Database[] freshDatabases() {
        Database[] fresh = new Database[server.dbCount()];
        for (int i = 0; i < fresh.length; i++) {
            fresh[i] = server.newDatabase(i);
            // not the live snapshot epochs: a snapshot running meanwhile must never see these entries
            fresh[i].versions(new io.cinnabar.store.SnapshotVersions());
        }
        return fresh;
    }

    /**
     * Makes databases filled by {@link #freshDatabases} the live ones, on the event loop: they join
     * the live snapshot epochs, every entry stamped as not part of a snapshot running now.
     */
    public void adoptDatabases(Database[] fresh) {
        io.cinnabar.store.SnapshotVersions live = server.dbs()[0].versions();
        int epoch = live.epoch();
        for (Database db : fresh) {
            db.versions(live);
            db.keys().forEach(e -> e.snapshotStamp(epoch));
        }
        server.replaceDatabases(fresh);
    }

    /** Parses an RDB file into {@code fresh} (any thread); null if the file vanished meanwhile. */
    private RdbLoader.Result parseFile(Path file, Database[] fresh, long now, boolean keepExpired,
            RdbLoadOptions options) throws IOException {
        try (InputStream in = new BufferedInputStream(loading.counting(Files.newInputStream(file)), 1 << 16)) {
            return RdbLoader.load(in, fresh, now, keepExpired, options);
        } catch (NoSuchFileException e) {
            return null; // raced with a delete: nothing to load
        } catch (RdbFormatException e) {
            throw new IOException("Short read or OOM loading DB. Unrecoverable error, aborting now. (" + file + ": "
                    + e.getMessage() + ")", e);
        }
    }

    private void adopt(Database[] fresh, RdbLoader.Result r, long t0) {
        adoptDatabases(fresh);
        adoptFunctions(r.functions);
        loadedAux = r.aux;
        lastLoadKeys = r.keys;
        lastLoadExpired = r.expiredSkipped;
        server.log().notice("DB loaded from disk: " + String.format("%.3f", (System.nanoTime() - t0) / 1e9)
                + " seconds (" + r.keys + " keys)");
    }

    /** Replaces the keyspace with what the RDB file holds, blocking (DEBUG RELOAD's second half). */
    public void reload() throws IOException {
        Path file = rdbPath();
        if (!Files.exists(file)) return;
        long t0 = System.nanoTime();
        Database[] fresh = freshDatabases();
        RdbLoader.Result r = parseFile(file, fresh, server.clock().millis(), server.isReplica(),
                new RdbLoadOptions(server.config()));
        if (r != null) adopt(fresh, r, t0);
    }

    public void close() {
        if (job != null) job.cancel(2000);
    }

    static OutputStream buffered(OutputStream o) {
        return new BufferedOutputStream(o, 1 << 16);
    }
}
