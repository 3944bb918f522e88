package io.cinnabar.persistence.snapshot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * An RDB file written as Redis' rdbSave does: into a temp file next to the target, fsynced, then
 * renamed over the target atomically; aborting deletes the temp file. The temp file is created
 * when the sink is (so it exists while the save runs, as the child's temp file does in Redis).
 */
public final class FileSink implements Sink {
    private final Path target;
    private final Path temp;
    private final FileChannel ch;

    public FileSink(Path target, Path temp) throws IOException {
        this.target = target;
        this.temp = temp;
        this.ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** A temp file named like Redis' {@code temp-<pid>.rdb}, made unique per save. */
    public static FileSink forTarget(Path target) throws IOException {
        return new FileSink(target, target.resolveSibling(
                "temp-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".rdb"));
    }

    public Path temp() {
        return temp;
    }

    @Override public boolean retainsArrays() {
        return false; // written through before write returns
    }

    @Override public void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b, off, len);
        while (buf.hasRemaining()) ch.write(buf);
    }

    @Override public void finish() throws IOException {
        try {
            ch.force(true);
            ch.close();
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            abort();
            throw e;
        }
    }

    @Override public void abort() {
        try {
            ch.close();
        } catch (IOException ignored) {
            // deleting is what matters
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // nothing more to do
        }
    }
}
