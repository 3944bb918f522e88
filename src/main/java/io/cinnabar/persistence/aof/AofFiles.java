package io.cinnabar.persistence.aof;

import io.cinnabar.config.Config;
import io.cinnabar.server.Log;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executor;

/**
 * Where the AOF lives and the file operations on it: the {@code appenddirname} directory inside
 * {@code dir}, the manifest written atomically (temp file, fsync, rename, fsync of the directory,
 * as writeAofManifestFile), and removals done in the background (bg_unlink).
 */
final class AofFiles {
    private final Config config;
    private final Log log;
    private final Executor background;

    AofFiles(Config config, Log log, Executor background) {
        this.config = config;
        this.log = log;
        this.background = background;
    }

    /** The server's working directory ({@code dir}): where Redis, after chdir, keeps relative files. */
    Path dir() {
        return Path.of(config.get("dir"));
    }

    Path aofDir() {
        return dir().resolve(config.get("appenddirname"));
    }

    String aofFilename() {
        return config.get("appendfilename");
    }

    Path inAofDir(String name) {
        return aofDir().resolve(name);
    }

    String manifestName() {
        return aofFilename() + ".manifest";
    }

    String tempIncrName() {
        return "temp-" + aofFilename() + ".incr";
    }

    /** dirCreateIfMissing; false (logged) on failure. */
    boolean createDir() {
        try {
            Files.createDirectories(aofDir());
            return true;
        } catch (IOException e) {
            log.warning("Can't open or create append-only dir " + config.get("appenddirname") + ": "
                    + AofException.reason(e));
            return false;
        }
    }

    /** aofLoadManifestFromDisk: the manifest if the directory and file exist, else an empty one. */
    AofManifest loadManifest() throws AofException {
        Path file = inAofDir(manifestName());
        if (!Files.isDirectory(aofDir()) || !Files.exists(file)) return new AofManifest();
        return AofManifest.parse(file);
    }

    /** persistAofManifest: nothing to do unless dirty; false (logged) on failure. */
    boolean persist(AofManifest am) {
        if (!am.dirty) return true;
        Path tmp = inAofDir("temp-" + manifestName());
        Path target = inAofDir(manifestName());
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(am.format().getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) ch.write(b);
            ch.force(true);
        } catch (IOException e) {
            log.warning("Error trying to write the temporary AOF manifest file " + tmp.getFileName() + ": "
                    + AofException.reason(e));
            return false;
        }
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warning("Error trying to rename the temporary AOF manifest file " + tmp.getFileName() + " into "
                    + manifestName() + ": " + AofException.reason(e));
            return false;
        }
        fsyncDir(aofDir());
        am.dirty = false;
        return true;
    }

    static void fsyncDir(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // not every file system lets a directory be synced
        }
    }

    /** bg_unlink. */
    void unlinkInBackground(Path file) {
        background.execute(() -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // nothing more to do about it
            }
        });
    }

    long sizeOrZero(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
