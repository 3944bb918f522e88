package io.cinnabar.persistence;

import io.cinnabar.persistence.rdb.RdbFormatException;
import io.cinnabar.persistence.rdb.RdbLoadOptions;
import io.cinnabar.persistence.rdb.RdbLoader;
import io.cinnabar.persistence.rdb.RdbSnapshot;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * RDB persistence of one server: SAVE, BGSAVE, save points, loading at start, and the state INFO
 * persistence reports.
 * <p>
 * A background save serializes the keyspace on the owner thread into memory (a consistent image,
 * since nothing else runs meanwhile) and writes and fsyncs the file on a background thread, so the
 * server keeps serving while the disk works. Serialization itself still pauses the loop for its
 * duration; the versioned, sliced snapshot of docs/ARCHITECTURE.md is the next step.
 */
public final class Persistence {
    private final Server server;
    private final ExecutorService io;
    private boolean bgsaveInProgress;
    private boolean bgsaveScheduled;
    private boolean lastBgsaveOk = true;
    private long bgsaveStartMillis;
    private long lastBgsaveSeconds = -1;
    private long dirtyAtBgsaveStart;
    private long lastBgsaveTryMillis;
    private boolean loading;
    private long rdbSaves;
    private long lastLoadKeys;
    private long lastLoadExpired;
    private boolean skipShutdownSave;
    private final MigrateSockets migrateSockets = new MigrateSockets();

    public Persistence(Server server) {
        this.server = server;
        this.io = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cinnabar-rdb-io");
            t.setDaemon(true);
            return t;
        });
    }

    public Path rdbPath() {
        return Path.of(server.config().get("dir")).resolve(server.config().get("dbfilename"));
    }

    public boolean bgsaveInProgress() {
        return bgsaveInProgress;
    }

    public boolean lastBgsaveOk() {
        return lastBgsaveOk;
    }

    public boolean loading() {
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
        if (skipShutdownSave || server.config().get("save").isBlank()) return;
        try {
            save();
        } catch (IOException e) {
            server.log().warning("Error trying to save the DB, can't exit: " + e.getMessage());
        }
    }

    public long currentBgsaveSeconds() {
        return bgsaveInProgress ? (server.clock().millis() - bgsaveStartMillis) / 1000 : -1;
    }

    public long lastBgsaveSeconds() {
        return lastBgsaveSeconds;
    }

    /** The AUX fields Redis 7.0 writes. */
    private Map<String, String> aux() {
        Map<String, String> aux = new LinkedHashMap<>();
        aux.put("redis-ver", "7.0.15");
        aux.put("redis-bits", "64");
        aux.put("ctime", Long.toString(server.clock().millis() / 1000));
        aux.put("used-mem", Long.toString(Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()));
        aux.put("aof-base", "0");
        return aux;
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
        RdbSnapshot.write(bytes, server.dbs(), aux, server.config().getBool("rdbcompression"),
                server.config().getBool("rdbchecksum"));
        return bytes.toByteArray();
    }

    /** SAVE: writes the file now, blocking the server (as Redis does). */
    public void save() throws IOException {
        byte[] data = snapshotBytes();
        writeFile(data);
        saved(server.dirty);
    }

    private void saved(long dirtyAtStart) {
        server.dirty -= Math.min(server.dirty, dirtyAtStart);
        server.lastSaveMillis = server.clock().millis();
        rdbSaves++;
    }

    private void writeFile(byte[] data) throws IOException {
        Path target = rdbPath();
        Path tmp = target.resolveSibling("temp-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".rdb");
        try (OutputStream out = Files.newOutputStream(tmp);
             java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tmp,
                     java.nio.file.StandardOpenOption.WRITE)) {
            out.write(data);
            out.flush();
            ch.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** BGSAVE: false if one is already running. */
    public boolean bgsave() {
        if (bgsaveInProgress) return false;
        byte[] data;
        long dirtyAtStart = server.dirty;
        lastBgsaveTryMillis = server.clock().millis();
        try {
            data = snapshotBytes();
        } catch (IOException e) {
            lastBgsaveOk = false;
            return true;
        }
        bgsaveInProgress = true;
        bgsaveScheduled = false;
        bgsaveStartMillis = server.clock().millis();
        server.log().notice("Background saving started");
        io.execute(() -> {
            boolean ok;
            try {
                writeFile(data);
                ok = true;
            } catch (IOException e) {
                server.log().warning("Background saving error: " + e.getMessage());
                ok = false;
            }
            boolean result = ok;
            server.net().execute(() -> bgsaveDone(result, dirtyAtStart));
        });
        return true;
    }

    private void bgsaveDone(boolean ok, long dirtyAtStart) {
        bgsaveInProgress = false;
        lastBgsaveOk = ok;
        lastBgsaveSeconds = (server.clock().millis() - bgsaveStartMillis) / 1000;
        if (ok) {
            saved(dirtyAtStart);
            server.log().notice("Background saving terminated with success");
        }
    }

    public void scheduleBgsave() {
        bgsaveScheduled = true;
    }

    /** From cron: a scheduled BGSAVE, and the save points. */
    public void cron() {
        migrateSockets.cron(server.clock().millis());
        if (bgsaveInProgress) return;
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

    /** Loads the RDB file at start, if there is one. Throws with Redis' reason if it is unreadable. */
    public void loadAtStartup() throws IOException {
        Path file = rdbPath();
        if (!Files.exists(file)) return;
        long t0 = System.nanoTime();
        loading = true;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            Database[] fresh = new Database[server.dbCount()];
            for (int i = 0; i < fresh.length; i++) fresh[i] = server.newDatabase(i);
            RdbLoader.Result r = RdbLoader.load(in, fresh, server.clock().millis(), server.isReplica(),
                    new RdbLoadOptions(server.config()));
            server.replaceDatabases(fresh);
            lastLoadKeys = r.keys;
            lastLoadExpired = r.expiredSkipped;
            server.log().notice("DB loaded from disk: " + String.format("%.3f", (System.nanoTime() - t0) / 1e9)
                    + " seconds (" + r.keys + " keys)");
        } catch (NoSuchFileException e) {
            // raced with a delete: nothing to load
        } catch (RdbFormatException e) {
            throw new IOException("Short read or OOM loading DB. Unrecoverable error, aborting now. (" + file + ": "
                    + e.getMessage() + ")", e);
        } finally {
            loading = false;
        }
    }

    /** Replaces the keyspace with what the RDB file holds (DEBUG RELOAD's second half). */
    public void reload() throws IOException {
        loadAtStartup();
    }

    public void close() {
        io.shutdown();
    }

    static OutputStream buffered(OutputStream o) {
        return new BufferedOutputStream(o, 1 << 16);
    }
}
