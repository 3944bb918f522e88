package io.cinnabar.replication;

import io.cinnabar.persistence.Persistence;
import io.cinnabar.persistence.SnapshotPurpose;
import io.cinnabar.persistence.snapshot.SnapshotJob;
import io.cinnabar.persistence.snapshot.Sink;
import io.cinnabar.server.ClientConnection;
import io.cinnabar.server.Server;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The master's half of a full resynchronization (Redis' startBgsaveForReplication and
 * replicationStartPendingFork): replicas asking for a full sync wait in WAIT_BGSAVE_START; a
 * snapshot starts at once, or, with {@code repl-diskless-sync}, after {@code repl-diskless-sync-delay}
 * seconds or as soon as {@code repl-diskless-sync-max-replicas} replicas wait, so several replicas
 * share one snapshot. The snapshot is a {@link SnapshotJob}: taken while the server keeps serving.
 * Each replica gets {@code +FULLRESYNC <replid> <offset>} at its start, then the RDB: streamed as it
 * is produced after {@code $EOF:<40 random chars>} and closed by the same 40 chars, when every
 * waiting replica said {@code capa eof} and diskless sync is on; otherwise as {@code $<len>} once
 * complete (kept in memory where Redis keeps a file). The stream produced meanwhile is held per
 * replica and follows the RDB (after an EOF-marked one, only once the replica's first ACK came).
 */
final class FullSync {
    private final Replication repl;
    private final Server server;
    /** The replicas a running disk-target full-sync snapshot will be sent to (null when none runs). */
    private List<ReplicaState> diskTargets;
    /** The stand-in for Redis' fork child of the running snapshot (tests find and kill it by pid). */
    private io.cinnabar.persistence.BackgroundChild child;
    private SnapshotJob job;
    private ReplicaSink socketSink;

    FullSync(Replication repl) {
        this.repl = repl;
        this.server = repl.server;
    }

    /** Whether a newly waiting replica waits for the diskless delay rather than a snapshot now. */
    boolean delayed(ReplicaState r) {
        return server.config().getBool("repl-diskless-sync") && r.capaEof
                && server.config().getLong("repl-diskless-sync-delay") > 0;
    }

    /** From cron: starts the pending snapshot when the delay elapsed, enough replicas wait, or the last one ended. */
    void startPending(long nowNanos) {
        int waiting = 0;
        long maxIdle = 0;
        boolean anyDelayed = false;
        for (ReplicaState r : repl.replicas) {
            if (r.sync != ReplicaState.Sync.WAIT_BGSAVE_START) continue;
            waiting++;
            anyDelayed |= delayed(r);
            maxIdle = Math.max(maxIdle, (nowNanos - r.waitStartNanos) / 1_000_000);
        }
        if (waiting == 0) return;
        long max = server.config().getLong("repl-diskless-sync-max-replicas");
        if (!anyDelayed || (max > 0 && waiting >= max)
                || maxIdle >= server.config().getLong("repl-diskless-sync-delay") * 1000) {
            start();
        }
    }

    /** Starts one snapshot for every replica waiting for one; later, if another snapshot is running. */
    void start() {
        Persistence p = server.persistence();
        if (p.snapshotInProgress()) return; // cron retries once it ended
        List<ReplicaState> waiting = new ArrayList<>();
        boolean allEof = true;
        for (ReplicaState r : repl.replicas) {
            if (r.sync != ReplicaState.Sync.WAIT_BGSAVE_START) continue;
            waiting.add(r);
            allEof &= r.capaEof;
        }
        if (waiting.isEmpty()) return;
        boolean socket = server.config().getBool("repl-diskless-sync") && allEof;
        server.log().notice("Starting BGSAVE for SYNC with target: " + (socket ? "replicas sockets" : "disk"));
        // the stream after the snapshot starts with SELECT (replicationSetupSlaveForFullResync)
        server.propagator().resetSelectedDb();
        long offset = repl.masterOffset;
        byte[] mark = socket ? Server.randomHex(40).getBytes(StandardCharsets.US_ASCII) : null;
        for (ReplicaState r : waiting) {
            r.held = Unpooled.buffer(1024); // the stream from here on waits behind the RDB
            ByteBuf head = waitForSnapshot(r, offset, socket);
            if (!r.prePsync) {
                server.log().notice("Full resync requested by replica " + repl.nameOf(r) + ". Starting with offset "
                        + offset);
            }
            if (socket) {
                head.writeCharSequence("$EOF:", StandardCharsets.US_ASCII);
                head.writeBytes(mark);
                head.writeCharSequence("\r\n", StandardCharsets.US_ASCII);
            }
            write(r, head);
        }
        ReplicaSink sink = new ReplicaSink(waiting, mark);
        if (!socket) diskTargets = waiting;
        if (socket) socketSink = sink;
        job = p.startSnapshot(SnapshotPurpose.FULL_SYNC, aux(offset), sink, result -> done(waiting, sink, result));
        server.stats().totalForks++; // Redis forks for it: total_forks counts it
        child = io.cinnabar.persistence.BackgroundChild.start(true, 0, () -> server.net().execute(this::childKilled));
        server.log().notice((socket ? "Background RDB transfer started by pid " : "Background saving started by pid ")
                + child.pid());
    }

    private static void write(ReplicaState r, ByteBuf b) {
        Channel ch = r.client.channel();
        if (ch == null || r.client.isClosed()) {
            b.release();
            return;
        }
        ch.writeAndFlush(b, ch.voidPromise());
    }

    /**
     * A replica asking for a full sync while a disk-target one runs shares it (Redis' "Waiting for
     * end of BGSAVE for SYNC"): it gets the same offset, a copy of the stream held since, and the RDB.
     */
    boolean attachToRunning(ReplicaState r) {
        if (diskTargets == null) return false;
        ReplicaState first = null;
        for (ReplicaState t : diskTargets) {
            if (t.sync == ReplicaState.Sync.WAIT_BGSAVE_END && t.held != null && !t.client.isClosed()) {
                first = t;
                break;
            }
        }
        if (first == null) return false;
        r.held = first.held.copy();
        diskTargets.add(r);
        write(r, waitForSnapshot(r, first.fullSyncOffset, false));
        server.log().notice("Waiting for end of BGSAVE for SYNC");
        return true;
    }

    /** The replica waits for a snapshot taken at {@code offset}: its reply so far, +FULLRESYNC (PSYNC only). */
    private ByteBuf waitForSnapshot(ReplicaState r, long offset, boolean socket) {
        r.sync = ReplicaState.Sync.WAIT_BGSAVE_END;
        r.socketTarget = socket;
        r.fullSyncOffset = offset;
        ByteBuf head = Unpooled.buffer(128);
        if (!r.prePsync) {
            head.writeCharSequence("+FULLRESYNC " + repl.replid + " " + offset + "\r\n", StandardCharsets.US_ASCII);
        }
        return head;
    }

    /** The snapshot ended (on the owner thread): send a disk-style RDB, or fail the replicas. */
    private void done(List<ReplicaState> replicas, ReplicaSink sink, SnapshotJob.Result result) {
        if (replicas == diskTargets) diskTargets = null;
        job = null;
        if (child != null) child.finish();
        child = null;
        if (sink.whole == null && result.ok()) {
            int up = 0;
            for (ReplicaState r : replicas) if (!r.client.isClosed() && repl.replicas.contains(r)) up++;
            server.log().notice("Diskless rdb transfer, done reading from pipe, " + up + " replicas still up.");
        }
        socketSink = null;
        for (ReplicaState r : replicas) {
            if (r.client.isClosed() || !repl.replicas.contains(r)) continue;
            if (!result.ok()) {
                server.log().warning("BGSAVE for replication failed");
                server.closeClient(r.client);
                continue;
            }
            r.sync = ReplicaState.Sync.SEND_BULK;
            if (r.socketTarget) {
                // streamed: online now, the held stream starts with the replica's first ACK
                repl.putOnline(r);
                continue;
            }
            byte[] rdb = sink.whole.toByteArray();
            ByteBuf out = Unpooled.buffer(rdb.length + 32);
            out.writeCharSequence("$" + rdb.length + "\r\n", StandardCharsets.US_ASCII);
            out.writeBytes(rdb);
            ByteBuf held = r.held;
            r.held = null;
            r.rdbBytesInFlight = out.readableBytes();
            Channel ch = r.client.channel();
            ch.write(out).addListener(f -> {
                r.rdbBytesInFlight = 0;
                if (f.isSuccess() && !r.client.isClosed() && repl.replicas.contains(r)) repl.putOnline(r);
            });
            ch.writeAndFlush(held, ch.voidPromise());
        }
        if (result.ok()) {
            server.log().notice("Background RDB transfer terminated with success");
        }
        startPending(System.nanoTime()); // replicas that arrived meanwhile
    }

    /**
     * A replica went: when it was the last one a streamed RDB was going to, or the last waiting for
     * a disk-target one with no save points configured, the snapshot stops (Redis kills its child).
     */
    void replicaGone() {
        if (job == null) return;
        if (socketSink != null) {
            if (socketSink.anyConnected()) return;
            server.log().warning("Diskless rdb transfer, last replica dropped, killing fork child.");
            job.cancel(0);
        } else if (diskTargets != null && server.config().get("save").isBlank()) {
            // no replica waits for it and no save point wants it: the snapshot is useless (freeClient)
            for (ReplicaState t : diskTargets) {
                if (t.sync == ReplicaState.Sync.WAIT_BGSAVE_END && !t.client.isClosed() && repl.replicas.contains(t)) return;
            }
            job.cancel(0);
        }
    }

    /**
     * From cron: a replica receiving a streamed RDB that took no bytes for repl-timeout is dropped
     * (its socket holds the whole transfer back), as Redis' repl_last_partial_write check.
     */
    void checkStalled(long nowMillis, long timeoutMillis) {
        if (socketSink == null) return;
        for (ReplicaState r : new ArrayList<>(socketSink.targets)) {
            Channel ch = r.client.channel();
            if (r.sync != ReplicaState.Sync.WAIT_BGSAVE_END || ch == null || !ch.isActive()) continue;
            io.netty.channel.ChannelOutboundBuffer ob = ch.unsafe().outboundBuffer();
            long pending = ob == null ? 0 : ob.totalPendingWriteBytes();
            long sent = r.rdbQueued - pending;
            if (sent > r.rdbSent || pending == 0) {
                r.rdbSent = sent;
                r.rdbProgressMillis = nowMillis;
            } else if (r.rdbProgressMillis != 0 && nowMillis - r.rdbProgressMillis > timeoutMillis) {
                server.log().warning("Disconnecting timedout replica (full sync): " + repl.nameOf(r));
                server.closeClient(r.client);
            }
        }
    }

    /** Someone killed the stand-in child (as the OOM killer might Redis' fork): the transfer fails. */
    private void childKilled() {
        if (job == null) return;
        server.log().warning("Background transfer terminated by signal 9");
        job.cancel(0);
    }

    /** The AUX fields that let the replica continue the history (rdbPopulateSaveInfo). */
    Map<String, String> aux(long offset) {
        Map<String, String> aux = new LinkedHashMap<>();
        aux.put("repl-stream-db", Integer.toString(repl.streamDbForSnapshot()));
        aux.put("repl-id", repl.replid);
        aux.put("repl-offset", Long.toString(offset));
        return aux;
    }

    /**
     * Where the snapshot's bytes go, on the snapshot's writer thread: straight to each replica's
     * socket after the EOF header (Netty queues cross-thread writes in order), or into memory
     * for the length-prefixed form.
     */
    private static final class ReplicaSink implements Sink {
        private final List<ReplicaState> targets = new ArrayList<>();
        private final byte[] mark;
        final ByteArrayOutputStream whole;

        ReplicaSink(List<ReplicaState> replicas, byte[] mark) {
            for (ReplicaState r : replicas) if (r.client.channel() != null) targets.add(r);
            this.mark = mark;
            this.whole = mark == null ? new ByteArrayOutputStream(1 << 16) : null;
        }

        @Override public boolean retainsArrays() {
            return whole == null; // socket writes are queued by Netty; the disk form copies
        }

        @Override public void write(byte[] b, int off, int len) {
            if (whole != null) {
                whole.write(b, off, len);
                return;
            }
            for (ReplicaState r : targets) {
                Channel ch = r.client.channel();
                if (!ch.isActive()) continue;
                ch.writeAndFlush(Unpooled.wrappedBuffer(b, off, len), ch.voidPromise());
                r.rdbQueued += len;
            }
            awaitSlowest();
        }

        /**
         * Redis' child writes into a pipe the parent drains only as fast as the slowest replica's
         * socket: the snapshot is paced the same way (and memory stays bounded), so a stuck replica
         * holds the transfer until repl-timeout drops it. An interrupt (cancel) ends the wait.
         */
        private void awaitSlowest() {
            while (!Thread.currentThread().isInterrupted()) {
                boolean blocked = false;
                for (ReplicaState r : targets) {
                    Channel ch = r.client.channel();
                    if (ch.isActive() && !ch.isWritable()) {
                        blocked = true;
                        break;
                    }
                }
                if (!blocked) return;
                java.util.concurrent.locks.LockSupport.parkNanos(200_000);
            }
        }

        @Override public void finish() {
            if (mark == null) return;
            for (ReplicaState r : targets) {
                Channel ch = r.client.channel();
                if (ch.isActive()) ch.writeAndFlush(Unpooled.wrappedBuffer(mark), ch.voidPromise());
            }
        }

        @Override public void abort() {
            if (mark == null) return;
            for (ReplicaState r : targets) r.client.channel().close(); // a half-sent RDB cannot be resumed
        }

        /** Whether any replica the RDB streams to is still connected. */
        boolean anyConnected() {
            for (ReplicaState r : targets) if (r.client.channel().isActive() && !r.client.isClosed()) return true;
            return false;
        }
    }
}
