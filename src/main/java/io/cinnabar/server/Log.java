package io.cinnabar.server;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The server log in Redis' format ({@code pid:M 27 Nov 2026 05:02:22.123 * text}), to stdout or
 * the {@code logfile}, filtered by {@code loglevel}. Redis' test suite reads these lines.
 */
public final class Log {
    public static final int DEBUG = 0, VERBOSE = 1, NOTICE = 2, WARNING = 3;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm:ss.SSS", Locale.ENGLISH);
    private static final char[] MARKS = {'.', '-', '*', '#'};

    private final long pid = ProcessHandle.current().pid();
    private volatile PrintStream out = System.out;
    private volatile int level = NOTICE;
    private volatile boolean quiet;

    public void level(String name) {
        switch (name) {
            case "debug": level = DEBUG; break;
            case "verbose": level = VERBOSE; break;
            case "warning": level = WARNING; break;
            default: level = NOTICE;
        }
    }

    /** Silences the log (embedded servers in tests). */
    public void quiet(boolean q) {
        this.quiet = q;
    }

    public void file(String path) throws IOException {
        if (path == null || path.isEmpty()) {
            out = System.out;
        } else {
            out = new PrintStream(new FileOutputStream(path, true), true, StandardCharsets.UTF_8);
        }
    }

    public void log(int lvl, String msg) {
        if (lvl < level || quiet) return;
        String line = pid + ":M " + ZonedDateTime.now().format(TIME) + " " + MARKS[lvl] + " " + msg;
        PrintStream o = out;
        synchronized (this) {
            o.println(line);
            o.flush();
        }
    }

    /** A line without the standard prefix (startup banner lines the test suite greps for). */
    public void raw(String msg) {
        if (quiet) return;
        out.println(msg);
        out.flush();
    }

    public void debug(String m) { log(DEBUG, m); }
    public void verbose(String m) { log(VERBOSE, m); }
    public void notice(String m) { log(NOTICE, m); }
    public void warning(String m) { log(WARNING, m); }

    public long pid() {
        return pid;
    }
}
