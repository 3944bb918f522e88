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
    /** Which pending commands go to replicas only (PUBLISH: PROPAGATE_REPL), by index. */
    private final java.util.BitSet replicasOnly = new java.util.BitSet();
    private boolean anyReplicasOnly;
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

    /**
     * Queues a command that replicas replay but the AOF does not keep (PUBLISH, as Redis'
     * forceCommandPropagation with PROPAGATE_REPL): re-running it at load time would be meaningless.
     */
    public void propagateToReplicasOnly(int db, byte[][] argv) {
        if (sinks.isEmpty() || suspended) return;
        replicasOnly.set(pending.size());
        anyReplicasOnly = true;
        pending.add(argv);
        pendingDbs.add(db);
    }

    private boolean isReplicasOnly(int i) {
        return pendingDbs.get(i) < 0 || (anyReplicasOnly && replicasOnly.get(i));
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
        if (anyReplicasOnly) replicasOnly.clear(n, Math.max(n, pending.size()));
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
        ByteBuf all = Unpooled.buffer(256);
        // what the AOF gets when some commands are for replicas only: the same stream without them
        // (their SELECTs kept, so both sinks agree on the stream's selected db)
        ByteBuf persisted = anyReplicasOnly ? Unpooled.buffer(256) : null;
        try {
            boolean multiWritten = false;
            boolean persistedMulti = false;
            boolean replicationOnly = true;
            for (int i = 0; i < pending.size(); i++) {
                int db = pendingDbs.get(i);
                boolean replOnly = isReplicasOnly(i);
                if (!replOnly) replicationOnly = false;
                if (db != lastDb && db >= 0) { // db -1: whatever db the stream is in (REPLCONF GETACK)
                    byte[][] select = {"SELECT".getBytes(), Integer.toString(db).getBytes()};
                    write(all, select);
                    if (persisted != null) write(persisted, select);
                    lastDb = db;
                }
                if (wrap && !multiWritten) {
                    write(all, MULTI);
                    multiWritten = true;
                }
                write(all, pending.get(i));
                if (persisted != null && !replOnly) {
                    if (wrap && !persistedMulti) {
                        write(persisted, MULTI);
                        persistedMulti = true;
                    }
                    write(persisted, pending.get(i));
                }
            }
            if (wrap) write(all, EXEC);
            if (persistedMulti) write(persisted, EXEC);
            pending.clear();
            pendingDbs.clear();
            if (anyReplicasOnly) {
                replicasOnly.clear();
                anyReplicasOnly = false;
            }
            for (Sink s : sinks) {
                if (s.replicationOnlyToo()) s.feed(all.duplicate(), lastDb);
                else if (persisted != null) {
                    if (persisted.isReadable()) s.feed(persisted.duplicate(), lastDb);
                } else if (!replicationOnly) s.feed(all.duplicate(), lastDb);
            }
        } finally {
            all.release();
            if (persisted != null) persisted.release();
        }
    }

    /** Discards what was queued (a failed EXEC, a script error with nothing to keep). */
    public void discard() {
        pending.clear();
        pendingDbs.clear();
        replicasOnly.clear();
        anyReplicasOnly = false;
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
