package io.cinnabar.server;

import io.cinnabar.util.Numbers;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
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
    private static final byte[] SELECT_HEADER = "*2\r\n$6\r\nSELECT\r\n".getBytes();
    /** The reused stream buffer is dropped after a flush that grew it past this (a huge MSET). */
    private static final int KEEP_BUFFER = 64 * 1024;

    private final List<Sink> sinks = new ArrayList<>();
    private final List<byte[][]> pending = new ArrayList<>();
    private int[] pendingDbs = new int[8];
    /**
     * The bytes of one flush, reused: the AOF runs as a sink even while off (it follows the stream's
     * db), so every write command goes through here, and a fresh buffer per command was most of
     * what a pipelined SET allocated.
     */
    private ByteBuf buf = Unpooled.buffer(256);
    /** Which pending commands go to replicas only (PUBLISH: PROPAGATE_REPL), by index. */
    private final java.util.BitSet replicasOnly = new java.util.BitSet();
    private boolean anyReplicasOnly;
    /** Which pending commands go to the AOF only (a script's redis.set_repl(redis.REPL_AOF)), by index. */
    private final java.util.BitSet aofOnly = new java.util.BitSet();
    private boolean anyAofOnly;
    /** Propagation targets (Redis' PROPAGATE_AOF / PROPAGATE_REPL), for a script's redis.set_repl. */
    public static final int TARGET_AOF = 1, TARGET_REPL = 2, TARGET_ALL = 3;
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
        addPending(db, argv);
    }

    private void addPending(int db, byte[][] argv) {
        if (pending.size() == pendingDbs.length) pendingDbs = Arrays.copyOf(pendingDbs, pendingDbs.length * 2);
        pendingDbs[pending.size()] = db;
        pending.add(argv);
    }

    /**
     * Queues a command that replicas replay but the AOF does not keep (PUBLISH, as Redis'
     * forceCommandPropagation with PROPAGATE_REPL): re-running it at load time would be meaningless.
     */
    public void propagateToReplicasOnly(int db, byte[][] argv) {
        if (sinks.isEmpty() || suspended) return;
        replicasOnly.set(pending.size());
        anyReplicasOnly = true;
        addPending(db, argv);
    }

    /** Sends the commands queued from index {@code from} on only to {@code targets} (redis.set_repl). */
    public void restrictPending(int from, int targets) {
        int n = pending.size();
        if (targets == TARGET_ALL || from >= n) return;
        if (targets == 0) {
            truncatePending(from);
        } else if (targets == TARGET_REPL) {
            replicasOnly.set(from, n);
            anyReplicasOnly = true;
        } else {
            aofOnly.set(from, n);
            anyAofOnly = true;
        }
    }

    private boolean isAofOnly(int i) {
        return anyAofOnly && aofOnly.get(i) && pendingDbs[i] >= 0;
    }

    private boolean isReplicasOnly(int i) {
        return pendingDbs[i] < 0 || (anyReplicasOnly && replicasOnly.get(i));
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
        if (anyAofOnly) aofOnly.clear(n, Math.max(n, pending.size()));
        while (pending.size() > n) pending.remove(pending.size() - 1);
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
        ByteBuf all = this.buf;
        all.clear();
        // what the AOF gets when some commands are for replicas only: the same stream without them
        // (their SELECTs kept, so both sinks agree on the stream's selected db)
        ByteBuf persisted = anyReplicasOnly || anyAofOnly ? Unpooled.buffer(256) : null;
        try {
            boolean multiWritten = false;
            boolean persistedMulti = false;
            boolean replicationOnly = true;
            for (int i = 0; i < pending.size(); i++) {
                int db = pendingDbs[i];
                boolean replOnly = isReplicasOnly(i);
                if (!replOnly) replicationOnly = false;
                if (db != lastDb && db >= 0) { // db -1: whatever db the stream is in (REPLCONF GETACK)
                    writeSelect(all, db);
                    if (persisted != null) writeSelect(persisted, db);
                    lastDb = db;
                }
                if (wrap && !multiWritten) {
                    write(all, MULTI);
                    multiWritten = true;
                }
                if (!isAofOnly(i)) write(all, pending.get(i));
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
            if (anyReplicasOnly) {
                replicasOnly.clear();
                anyReplicasOnly = false;
            }
            if (anyAofOnly) {
                aofOnly.clear();
                anyAofOnly = false;
            }
            // the sinks get the buffers themselves, rewound: they are only valid during the call
            for (int i = 0; i < sinks.size(); i++) {
                Sink s = sinks.get(i);
                if (s.replicationOnlyToo()) s.feed(all.readerIndex(0), lastDb);
                else if (persisted != null) {
                    if (persisted.isReadable()) s.feed(persisted.readerIndex(0), lastDb);
                } else if (!replicationOnly) s.feed(all.readerIndex(0), lastDb);
            }
        } finally {
            if (all.capacity() > KEEP_BUFFER) {
                all.release();
                this.buf = Unpooled.buffer(256);
            }
            if (persisted != null) persisted.release();
        }
    }

    /** Discards what was queued (a failed EXEC, a script error with nothing to keep). */
    public void discard() {
        pending.clear();
        replicasOnly.clear();
        anyReplicasOnly = false;
        aofOnly.clear();
        anyAofOnly = false;
        forceTransaction = false;
        noTransaction = false;
    }

    private static void writeSelect(ByteBuf buf, int db) {
        buf.writeBytes(SELECT_HEADER);
        buf.writeByte('$');
        Numbers.writeLong(buf, Numbers.digits(db));
        buf.writeByte('\r').writeByte('\n');
        Numbers.writeLong(buf, db);
        buf.writeByte('\r').writeByte('\n');
    }

    public static void write(ByteBuf buf, byte[][] argv) {
        buf.writeByte('*');
        Numbers.writeLong(buf, argv.length);
        buf.writeByte('\r').writeByte('\n');
        for (byte[] a : argv) {
            buf.writeByte('$');
            Numbers.writeLong(buf, a.length);
            buf.writeByte('\r').writeByte('\n');
            buf.writeBytes(a);
            buf.writeByte('\r').writeByte('\n');
        }
    }
}
