package io.cinnabar.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The slow log (slowlog.c): the newest {@code slowlog-max-len} commands that ran at least
 * {@code slowlog-log-slower-than} microseconds, newest first, with at most 32 arguments of at most
 * 128 bytes each, as Redis trims them.
 */
public final class SlowLog {
    public static final int MAX_ARGC = 32;
    public static final int MAX_STRING = 128;

    /** One entry. */
    public record Entry(long id, long timeSec, long micros, byte[][] argv, String addr, String name) {}

    private final Deque<Entry> entries = new ArrayDeque<>();
    private long nextId;

    public void push(byte[][] argv, int argc, long micros, long timeSec, String addr, String name, long maxLen) {
        int n = Math.min(argc, MAX_ARGC);
        byte[][] kept = new byte[n][];
        for (int i = 0; i < n; i++) {
            if (n < argc && i == n - 1) {
                kept[i] = ("... (" + (argc - MAX_ARGC + 1) + " more arguments)").getBytes(StandardCharsets.UTF_8);
            } else if (argv[i].length > MAX_STRING) {
                String more = "... (" + (argv[i].length - MAX_STRING) + " more bytes)";
                byte[] t = new byte[MAX_STRING + more.length()];
                System.arraycopy(argv[i], 0, t, 0, MAX_STRING);
                System.arraycopy(more.getBytes(StandardCharsets.US_ASCII), 0, t, MAX_STRING, more.length());
                kept[i] = t;
            } else {
                kept[i] = argv[i];
            }
        }
        entries.addFirst(new Entry(nextId++, timeSec, micros, kept, addr, name == null ? "" : name));
        trim(maxLen);
    }

    public void trim(long maxLen) {
        while (entries.size() > Math.max(0, maxLen)) entries.removeLast();
    }

    public Deque<Entry> entries() {
        return entries;
    }

    public void reset() {
        entries.clear();
    }
}
