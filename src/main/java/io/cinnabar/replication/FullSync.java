package io.cinnabar.replication;

import io.cinnabar.persistence.Persistence;
import io.cinnabar.server.ClientConnection;
import io.cinnabar.server.Server;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.io.IOException;
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
 * share one snapshot. Each gets {@code +FULLRESYNC <replid> <offset>}, then the RDB: as
 * {@code $<len>} (disk-style) or, when every waiting replica said {@code capa eof} and diskless sync
 * is on, as {@code $EOF:<40 random chars>} followed by the RDB and the same 40 chars. The stream
 * produced after the snapshot is queued behind the RDB on the same socket.
 */
final class FullSync {
    private final Replication repl;
    private final Server server;

    FullSync(Replication repl) {
        this.repl = repl;
        this.server = repl.server;
    }

    /** Whether a newly waiting replica starts a snapshot at once or waits for the diskless delay. */
    boolean delayed(ReplicaState r) {
        return server.config().getBool("repl-diskless-sync") && r.capaEof
                && server.config().getLong("repl-diskless-sync-delay") > 0;
    }

    /** From cron: starts the pending snapshot when the delay elapsed or enough replicas wait. */
    void startPending(long nowNanos) {
        int waiting = 0;
        long maxIdle = 0;
        for (ReplicaState r : repl.replicas) {
            if (r.sync != ReplicaState.Sync.WAIT_BGSAVE_START) continue;
            waiting++;
            maxIdle = Math.max(maxIdle, (nowNanos - r.waitStartNanos) / 1_000_000);
        }
        if (waiting == 0) return;
        long max = server.config().getLong("repl-diskless-sync-max-replicas");
        if (!server.config().getBool("repl-diskless-sync") || (max > 0 && waiting >= max)
                || maxIdle >= server.config().getLong("repl-diskless-sync-delay") * 1000) {
            start();
        }
    }

    /** Takes one snapshot and sends it to every replica waiting for one. */
    void start() {
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
        byte[] rdb;
        try {
            Persistence p = server.persistence();
            rdb = p.snapshotBytes(aux(offset));
        } catch (IOException e) {
            server.log().warning("BGSAVE for replication failed");
            for (ReplicaState r : waiting) {
                repl.replicas.remove(r);
                r.client.out().error("ERR BGSAVE failed, replication can't continue");
                server.closeClient(r.client);
            }
            return;
        }
        if (!socket) server.log().notice("Background RDB transfer started");
        for (ReplicaState r : waiting) send(r, rdb, offset, socket);
    }

    /** The AUX fields that let the replica continue the history (rdbPopulateSaveInfo). */
    Map<String, String> aux(long offset) {
        Map<String, String> aux = new LinkedHashMap<>();
        aux.put("repl-stream-db", Integer.toString(repl.streamDbForSnapshot()));
        aux.put("repl-id", repl.replid);
        aux.put("repl-offset", Long.toString(offset));
        return aux;
    }

    private void send(ReplicaState r, byte[] rdb, long offset, boolean socket) {
        ClientConnection c = r.client;
        Channel ch = c.channel();
        if (ch == null || c.isClosed()) return;
        ByteBuf out = Unpooled.buffer(rdb.length + 160);
        if (!r.prePsync) {
            out.writeCharSequence("+FULLRESYNC " + repl.replid + " " + offset + "\r\n", StandardCharsets.US_ASCII);
            server.log().notice("Full resync requested by replica " + repl.nameOf(r) + ". Starting with offset " + offset);
        }
        byte[] mark = null;
        if (socket) {
            mark = Server.randomHex(40).getBytes(StandardCharsets.US_ASCII);
            out.writeCharSequence("$EOF:", StandardCharsets.US_ASCII);
            out.writeBytes(mark);
            out.writeCharSequence("\r\n", StandardCharsets.US_ASCII);
        } else {
            out.writeCharSequence("$" + rdb.length + "\r\n", StandardCharsets.US_ASCII);
        }
        out.writeBytes(rdb);
        if (mark != null) out.writeBytes(mark);
        r.sync = ReplicaState.Sync.SEND_BULK;
        if (socket) r.held = Unpooled.buffer(1024);
        r.rdbBytesInFlight = out.readableBytes();
        ch.writeAndFlush(out).addListener(f -> {
            r.rdbBytesInFlight = 0;
            if (!f.isSuccess() || c.isClosed() || !repl.replicas.contains(r)) return;
            repl.putOnline(r);
        });
    }
}
