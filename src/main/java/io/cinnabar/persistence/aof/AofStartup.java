package io.cinnabar.persistence.aof;

import io.cinnabar.server.Log;
import io.cinnabar.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The AOF's part of a start and of DEBUG LOADAOF (Redis 7.0 aofLoadManifestFromDisk,
 * loadAppendOnlyFiles with the upgrade from a single old-style file, aofOpenIfNeededOnServerStart).
 * A failure throws {@link AofException} after Redis' log lines are written; the server then exits.
 */
final class AofStartup {
    private final AppendOnlyFile aof;
    private final Log log;

    AofStartup(AppendOnlyFile aof) {
        this.aof = aof;
        this.log = aof.log;
    }

    /** aofLoadManifestFromDisk: a bad manifest is fatal. */
    void loadManifest() throws AofException {
        try {
            aof.manifest = aof.files.loadManifest();
        } catch (AofException e) {
            for (String line : e.lines()) log.warning(line);
            throw e;
        }
    }

    /** loadAppendOnlyFiles into the (empty) keyspace; throws when the server must not go on. */
    AofLoader.Status load() throws AofException {
        AofFiles files = aof.files;
        AofManifest am = aof.manifest;
        String name = files.aofFilename();
        Path old = files.dir().resolve(name);
        if (Files.isRegularFile(old) && (!Files.isDirectory(files.aofDir()) || am.isEmpty()
                || (am.base() != null && am.incr().isEmpty() && am.base().name().equals(name)
                        && !Files.exists(files.inAofDir(name))))) {
            upgrade(am, old);
        }
        aof.loading = true;
        aof.server.loading = true;
        aof.server.propagator().suspend(true);
        AofLoader loader = new AofLoader(aof.server, files.aofDir(), name, () -> { });
        AofLoader.Status ret;
        try {
            ret = loader.loadAll(am);
        } finally {
            aof.server.propagator().suspend(false);
            aof.server.loading = false;
            aof.loading = false;
        }
        if (ret == AofLoader.Status.FAILED || ret == AofLoader.Status.OPEN_ERR) {
            throw new AofException("AOF loading failed");
        }
        if (ret == AofLoader.Status.OK || ret == AofLoader.Status.TRUNCATED) {
            long total = 0;
            if (am.base() != null) total += files.sizeOrZero(files.inAofDir(am.base().name()));
            for (AofManifest.FileInfo f : am.incr()) total += files.sizeOrZero(files.inAofDir(f.name()));
            aof.currentSize = total;
            aof.rewriteBaseSize = am.base() == null ? 0 : files.sizeOrZero(files.inAofDir(am.base().name()));
        }
        return ret;
    }

    /** aofUpgradePrepare: the old single file becomes the BASE of a new manifest in the AOF directory. */
    private void upgrade(AofManifest am, Path old) throws AofException {
        if (!aof.files.createDir()) throw new AofException("AOF upgrade failed");
        am.upgradeBase(aof.files.aofFilename());
        if (!aof.files.persist(am)) throw new AofException("AOF upgrade failed");
        try {
            Files.move(old, aof.files.inAofDir(aof.files.aofFilename()), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warning("Error trying to move the old AOF file " + aof.files.aofFilename() + " into dir "
                    + aof.server.config().get("appenddirname") + ": " + AofException.reason(e));
            throw new AofException("AOF upgrade failed");
        }
        log.notice("Successfully migrated an old-style AOF file (" + aof.files.aofFilename()
                + ") into the AOF directory (" + aof.server.config().get("appenddirname") + ").");
    }

    /** aofOpenIfNeededOnServerStart: a BASE for an empty start, then the last INCR opened for appending. */
    void openOnStart() throws AofException {
        if (aof.state != AppendOnlyFile.State.ON) return;
        AofFiles files = aof.files;
        if (!files.createDir()) throw new AofException("AOF directory");
        boolean hadIncr = !aof.manifest.incr().isEmpty();
        if (aof.manifest.base() == null && !hadIncr) {
            boolean rdb = aof.server.config().getBool("aof-use-rdb-preamble");
            String base = aof.manifest.newBase(files.aofFilename(), rdb);
            try {
                writeBase(files.inAofDir(base), rdb);
            } catch (IOException e) {
                log.warning("Write error writing append only file on disk: " + AofException.reason(e));
                throw new AofException("AOF base");
            }
            log.notice("Creating AOF base file " + base + " on server start");
        }
        String incr = aof.manifest.lastIncr(files.aofFilename());
        try {
            aof.fd = AppendOnlyFile.open(files.inAofDir(incr), true);
        } catch (IOException e) {
            log.warning("Can't open the append-only file " + incr + ": " + AofException.reason(e));
            throw new AofException("AOF open");
        }
        if (!files.persist(aof.manifest)) throw new AofException("AOF manifest");
        aof.lastIncrSize = files.sizeOrZero(files.inAofDir(incr));
        aof.lastIncrFsyncOffset = aof.lastIncrSize;
        log.notice((hadIncr ? "Opening" : "Creating") + " AOF incr file " + incr + " on server start");
    }

    /** rewriteAppendOnlyFile: the dataset (empty at start) written synchronously as a BASE file. */
    private void writeBase(Path target, boolean rdb) throws IOException {
        Path tmp = aof.files.dir().resolve("temp-rewriteaof-" + ProcessHandle.current().pid() + ".aof");
        byte[] image;
        if (rdb) {
            image = aof.persistence.snapshotBytes(java.util.Map.of("aof-base", "1"));
        } else {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            boolean ts = aof.server.config().getBool("aof-timestamp-enabled");
            AofRewriter.write(out, aof.server.dbs(), ts ? System.currentTimeMillis() / 1000 : 0);
            image = out.toByteArray();
        }
        try (java.nio.channels.FileChannel ch = AppendOnlyFile.open(tmp, false)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(image);
            while (b.hasRemaining()) ch.write(b);
            ch.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** DEBUG LOADAOF: the keyspace replaced by what the AOF files hold. */
    void debugLoad() throws AofException {
        if (aof.state == AppendOnlyFile.State.ON) aof.flush(true);
        io.cinnabar.command.WatchSignal w = aof.server.watches();
        if (w != null) w.touchAll(-1);
        for (Database db : aof.server.dbs()) db.clear();
        io.cinnabar.persistence.FunctionLibraries.replace(aof.server, java.util.List.of()); // emptyData clears them too
        loadManifest();
        aof.deleteHistoryFiles();
        AofLoader.Status ret = load();
        if (ret != AofLoader.Status.OK && ret != AofLoader.Status.EMPTY) throw new AofException("AOF loading failed");
        aof.server.dirty = 0;
        log.notice("Append Only File loaded by DEBUG LOADAOF");
    }
}
