package io.cinnabar.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/**
 * The one write path out of the server: every change is propagated here as the command that
 * replays it, and the same bytes feed every {@link Sink} (the AOF, the replication backlog and
 * replicas). Like Redis' alsoPropagate + propagatePendingCommands: commands accumulate during a
 * top-level call and are emitted when it ends, wrapped in MULTI/EXEC when there are several
 * (EXEC, scripts, a command plus the DELs of keys it expired), preceded by SELECT when the db changes.
 */
public final class Propagator {
    /** A consumer of the replication stream. */
    public interface Sink {
        /** Called with the RESP bytes of one or more commands; the buffer is only valid during the call. */
        void feed(ByteBuf commands, int dbOfStream);

        /** Whether this sink takes what only replicas need (REPLCONF GETACK, queued with db -1); the AOF does not. */
        default boolean replicationOnlyToo() {
            return true;
        }
    }

    private static final byte[][] MULTI = {"MULTI".getBytes()};
    private static final byte[][] EXEC = {"EXEC".getBytes()};

    private final List<Sink> sinks = new ArrayList<>();
    private final List<byte[][]> pending = new ArrayList<>();
    private final List<Integer> pendingDbs = new ArrayList<>();
    private int lastDb = -1;
    private boolean forceTransaction;
    private boolean noTransaction;
    private boolean suspended;

    public void addSink(Sink s) {
        sinks.add(s);
    }

    public void removeSink(Sink s) {
        sinks.remove(s);
    }

    public boolean active() {
        return !sinks.isEmpty() && !suspended;
    }

    /**
     * While loading (AOF replay, DEBUG LOADAOF) nothing is propagated, as Redis' shouldPropagate
     * refuses during loading: the replayed commands are already in the files being read.
     */
    public void suspend(boolean on) {
        suspended = on;
        if (on) discard();
    }

    /** The db the stream has selected last (-1 before any SELECT or after a reset). */
    public int selectedDb() {
        return lastDb;
    }

    /** Forgets the stream's selected db, so the next command is preceded by SELECT (new replica, AOF rewrite). */
    public void resetSelectedDb() {
        lastDb = -1;
    }

    /** Queues a command for propagation at the end of the current top-level call. */
    public void propagate(int db, byte[][] argv) {
        if (sinks.isEmpty() || suspended) return;
        pending.add(argv);
        pendingDbs.add(db);
    }

    /** Makes the pending commands go out as MULTI/EXEC even if only one (EXEC with a single write). */
    public void wrapInTransaction() {
        forceTransaction = true;
    }

    /**
     * Lets the pending commands go out without MULTI/EXEC even if several: the active expiry
     * cycle's DELs (propagate_no_multi) and the lazy-expiry DELs of a command that touches
     * arbitrary keys (SCAN, RANDOMKEY: CMD_TOUCHES_ARBITRARY_KEYS). A forced transaction wins.
     */
    public void noTransaction() {
        noTransaction = true;
    }

    /** How many commands are queued (scripts use it with {@link #truncatePending} for redis.set_repl). */
    public int pendingCount() {
        return pending.size();
    }

    /** Drops the commands queued after the first {@code n} (a script's call made with REPL_NONE). */
    public void truncatePending(int n) {
        while (pending.size() > n) {
            pending.remove(pending.size() - 1);
            pendingDbs.remove(pendingDbs.size() - 1);
        }
    }

    public boolean hasPending() {
        return !pending.isEmpty();
    }

    /** Emits what the finished top-level call queued. */
    public void flush() {
        if (pending.isEmpty()) {
            forceTransaction = false;
            noTransaction = false;
            return;
        }
        boolean wrap = (pending.size() > 1 && !noTransaction) || forceTransaction;
        forceTransaction = false;
        noTransaction = false;
        ByteBuf buf = Unpooled.buffer(256);
        try {
            boolean multiWritten = false;
            boolean replicationOnly = true;
            for (int i = 0; i < pending.size(); i++) {
                int db = pendingDbs.get(i);
                if (db >= 0) replicationOnly = false;
                if (db != lastDb && db >= 0) { // db -1: whatever db the stream is in (REPLCONF GETACK)
                    write(buf, new byte[][] {"SELECT".getBytes(), Integer.toString(db).getBytes()});
                    lastDb = db;
                }
                if (wrap && !multiWritten) {
                    write(buf, MULTI);
                    multiWritten = true;
                }
                write(buf, pending.get(i));
            }
            if (wrap) write(buf, EXEC);
            pending.clear();
            pendingDbs.clear();
            for (Sink s : sinks) {
                if (!replicationOnly || s.replicationOnlyToo()) s.feed(buf.duplicate(), lastDb);
            }
        } finally {
            buf.release();
        }
    }

    /** Discards what was queued (a failed EXEC, a script error with nothing to keep). */
    public void discard() {
        pending.clear();
        pendingDbs.clear();
        forceTransaction = false;
        noTransaction = false;
    }

    public static void write(ByteBuf buf, byte[][] argv) {
        buf.writeByte('*');
        buf.writeCharSequence(Integer.toString(argv.length), java.nio.charset.StandardCharsets.US_ASCII);
        buf.writeByte('\r').writeByte('\n');
        for (byte[] a : argv) {
            buf.writeByte('$');
            buf.writeCharSequence(Integer.toString(a.length), java.nio.charset.StandardCharsets.US_ASCII);
            buf.writeByte('\r').writeByte('\n');
            buf.writeBytes(a);
            buf.writeByte('\r').writeByte('\n');
        }
    }
}
