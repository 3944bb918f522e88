package io.cinnabar.persistence.aof;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;

/**
 * A fatal AOF problem at load time (bad manifest, missing file, corrupt or truncated content). It
 * carries the exact log lines Redis writes before exiting; whoever catches it logs them, and the
 * process exits without adding more (the test suite reads the last line of the log).
 */
public final class AofException extends IOException {
    private final List<String> lines;

    public AofException(List<String> lines) {
        super(String.join(" ", lines).strip());
        this.lines = List.copyOf(lines);
    }

    public AofException(String line) {
        this(List.of(line));
    }

    /** The warning lines to log, in order. */
    public List<String> lines() {
        return lines;
    }

    /** strerror-like text of an I/O failure. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "No such file or directory";
        if (e instanceof AccessDeniedException) return "Permission denied";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
