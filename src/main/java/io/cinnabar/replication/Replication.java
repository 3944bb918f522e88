package io.cinnabar.replication;

import io.cinnabar.persistence.Persistence;
import io.cinnabar.server.ClientConnection;
import io.cinnabar.server.Propagator;
import io.cinnabar.server.Server;
import io.cinnabar.store.Database;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Master-replica replication of one server, both roles (Redis' replication.c):
 * <ul>
 * <li>As a master it is the replication sink of the one write path: every propagated command goes
 * into the {@link ReplicationBacklog} and to each online replica. PSYNC continues from the backlog
 * when the replica's replication ID and offset allow it (+CONTINUE), or sends a full snapshot
 * (+FULLRESYNC, then the RDB, then the stream).</li>
 * <li>As a replica it keeps a {@link MasterLink}: the handshake, loading the master's RDB, applying
 * the stream, and acknowledging the processed offset. The exact bytes received are forwarded to
 * its own replicas with the same offsets (chained replication).</li>
 * </ul>
 * Replication IDs follow PSYNC2: replid, and replid2 with second_repl_offset after a promotion.
 */
public final class Replication implements Propagator.Sink {
    static final String ZERO_ID = "0000000000000000000000000000000000000000";
    private static final byte[] PING = "*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII);

    final Server server;
    String replid = Server.randomHex(40);
    String replid2 = ZERO_ID;
    long secondReplOffset = -1;
    /** master_repl_offset: the offset of the last byte of the stream produced or received. */
    long masterOffset;
    ReplicationBacklog backlog;
    final List<ReplicaState> replicas = new ArrayList<>();
    MasterLink link;
    private long lastPingMillis;
    private long noReplicasSinceMillis = -1;

    public Replication(Server server) {
        this.server = server;
        server.onDisconnect(this::clientGone);
        server.config().onChange("repl-backlog-size", p -> {
            if (backlog != null) backlog.resize((int) Math.min(Integer.MAX_VALUE - 16, p.number()));
        });
    }

    public String replid() { return replid; }
    public String replid2() { return replid2; }
    public long secondReplOffset() { return secondReplOffset; }
    public long masterOffset() { return masterOffset; }
    public ReplicationBacklog backlog() { return backlog; }
    public List<ReplicaState> replicas() { return replicas; }
    public MasterLink link() { return link; }

    // ---- master side ----

    /** Propagator sink: the stream of this master's own writes. */
    @Override public void feed(ByteBuf commands, int db) {
        feedRaw(commands);
    }

    /** Appends stream bytes to the backlog and sends them to every online replica. */
    void feedRaw(ByteBuf data) {
        if (backlog == null) return;
        int n = data.readableBytes();
        if (n == 0) return;
        backlog.append(data.duplicate());
        masterOffset += n;
        if (replicas.isEmpty()) return;
        ByteBuf copy = Unpooled.copiedBuffer(data);
        try {
            for (ReplicaState r : replicas) {
                if (r.client.channel() == null || r.client.isClosed()) continue;
                r.client.channel().writeAndFlush(copy.retainedDuplicate(), r.client.channel().voidPromise());
            }
        } finally {
            copy.release();
        }
        enforceOutputLimit();
    }

    private void enforceOutputLimit() {
        String[] limits = server.config().get("client-output-buffer-limit").split("\\s+");
        long hard = Long.parseLong(limits[5]);
        if (hard <= 0) return;
        for (ReplicaState r : new ArrayList<>(replicas)) {
            if (r.client.outputBytes() > hard) {
                server.log().warning("Client id=" + r.client.id() + " addr=" + r.client.addr()
                        + " scheduled to be closed ASAP for overcoming of output buffer limits.");
                server.stats().clientOutputBufferLimitDisconnections++;
                server.closeClient(r.client);
            }
        }
    }

    private void createBacklog() {
        if (backlog != null) return;
        backlog = new ReplicationBacklog((int) Math.min(Integer.MAX_VALUE - 16,
                server.config().getLong("repl-backlog-size")), masterOffset);
        server.propagator().addSink(this);
    }

    /**
     * PSYNC from a replica (or SYNC when {@code replicaReplid} is null): continue from the backlog when
     * possible, otherwise a full resync. Writes straight to the replica's channel.
     */
    public void psync(ClientConnection c, String replicaReplid, long offset, boolean legacySync) {
        ReplicaState r = stateOf(c);
        if (r == null) r = new ReplicaState(c);
        boolean sameHistory = replicaReplid != null && (replicaReplid.equalsIgnoreCase(replid)
                || (replicaReplid.equalsIgnoreCase(replid2) && offset <= secondReplOffset));
        if (!legacySync && sameHistory && backlog != null && backlog.canContinueFrom(offset)) {
            String line = r.psync2 ? "+CONTINUE " + replid + "\r\n" : "+CONTINUE\r\n";
            ByteBuf out = Unpooled.buffer();
            out.writeCharSequence(line, StandardCharsets.US_ASCII);
            if (offset <= backlog.endOffset()) out.writeBytes(backlog.from(offset));
            attach(c, r);
            c.channel().writeAndFlush(out);
            server.stats().syncPartialOk++;
            server.log().notice("Partial resynchronization request from " + c.addr() + " accepted. Sending "
                    + (backlog.endOffset() + 1 - offset) + " bytes of backlog starting from offset " + offset + ".");
            return;
        }
        if (replicaReplid != null && !replicaReplid.equals("?")) server.stats().syncPartialErr++;
        if (backlog == null && link == null) {
            // the first replica of a master: a fresh history
            replid = Server.randomHex(40);
            replid2 = ZERO_ID;
            secondReplOffset = -1;
            createBacklog();
        } else if (backlog == null) {
            ensureBacklogForReplica();
        }
        server.propagator().resetSelectedDb();
        byte[] rdb;
        try {
            Persistence p = server.persistence();
            rdb = p.snapshotBytes(replicationAux());
        } catch (IOException e) {
            server.closeClient(c);
            return;
        }
        ByteBuf out = Unpooled.buffer(rdb.length + 128);
        if (!legacySync) out.writeCharSequence("+FULLRESYNC " + replid + " " + masterOffset + "\r\n", StandardCharsets.US_ASCII);
        out.writeCharSequence("$" + rdb.length + "\r\n", StandardCharsets.US_ASCII);
        out.writeBytes(rdb);
        attach(c, r);
        c.channel().writeAndFlush(out);
        server.stats().syncFull++;
        server.log().notice("Synchronization with replica " + c.addr() + " succeeded");
    }

    java.util.Map<String, String> replicationAux() {
        java.util.Map<String, String> aux = new java.util.LinkedHashMap<>();
        aux.put("repl-stream-db", "0");
        aux.put("repl-id", replid);
        aux.put("repl-offset", Long.toString(masterOffset));
        return aux;
    }

    private void attach(ClientConnection c, ReplicaState r) {
        c.flags |= ClientConnection.REPLICA;
        c.replyMode = ClientConnection.ReplyMode.OFF;
        r.ackTimeMillis = server.clock().millis();
        if (!replicas.contains(r)) replicas.add(r);
        // pings keep a fixed phase as Redis' cron_loops % period: none right after the first attach
        if (lastPingMillis == 0) lastPingMillis = server.clock().millis();
        noReplicasSinceMillis = -1;
    }

    ReplicaState stateOf(ClientConnection c) {
        for (ReplicaState r : replicas) if (r.client == c) return r;
        Object pending = c.replicationState;
        return pending instanceof ReplicaState rs ? rs : null;
    }

    /** REPLCONF options sent before PSYNC are kept on the client until it becomes a replica. */
    public ReplicaState pendingState(ClientConnection c) {
        ReplicaState r = stateOf(c);
        if (r == null) {
            r = new ReplicaState(c);
            c.replicationState = r;
        }
        return r;
    }

    public void ack(ClientConnection c, long offset) {
        ReplicaState r = stateOf(c);
        if (r == null || !replicas.contains(r)) return;
        if (offset > r.ackOffset) r.ackOffset = offset;
        r.ackTimeMillis = server.clock().millis();
        server.blocking().checkWaiters(); // WAIT
    }

    /** Number of replicas that acknowledged at least {@code offset}. */
    public int replicasAcked(long offset) {
        int n = 0;
        for (ReplicaState r : replicas) if (r.ackOffset >= offset) n++;
        return n;
    }

    /** Asks every replica for an ACK now (WAIT). */
    public void requestAcks() {
        if (replicas.isEmpty()) return;
        server.propagator().propagate(-1, new byte[][] {"REPLCONF".getBytes(), "GETACK".getBytes(), "*".getBytes()});
        server.propagator().flush();
    }

    private void clientGone(ClientConnection c) {
        replicas.removeIf(r -> r.client == c);
        if (replicas.isEmpty() && backlog != null) noReplicasSinceMillis = server.clock().millis();
        if (link != null) link.clientGone(c);
    }

    /** Disconnects every replica (they will resync), e.g. when this server becomes a replica. */
    void disconnectReplicas() {
        for (ReplicaState r : new ArrayList<>(replicas)) server.closeClient(r.client);
        replicas.clear();
    }

    // ---- role changes ----

    /** REPLICAOF host port. */
    public void becomeReplicaOf(String host, int port) {
        if (link != null) link.close();
        server.config().setUnchecked("replicaof", host + " " + port);
        for (Database db : server.dbs()) db.expireMode(Database.ExpireMode.HIDE);
        disconnectReplicas();
        // psync2: use our own history as the cached master, so the new master may continue it
        link = new MasterLink(this, host, port, replid, masterOffset + 1);
        link.connect();
    }

    /** REPLICAOF NO ONE: keeps the data and continues the history under a new ID (replid2 = old). */
    public void becomeMaster() {
        if (link == null) return;
        link.close();
        link = null;
        server.config().setUnchecked("replicaof", "");
        for (Database db : server.dbs()) db.expireMode(Database.ExpireMode.DELETE);
        replid2 = replid;
        secondReplOffset = masterOffset + 1;
        replid = Server.randomHex(40);
        disconnectReplicas();
        server.log().notice("MASTER MODE enabled");
    }

    public boolean isReplica() {
        return link != null;
    }

    // ---- cron ----

    public void cron() {
        long now = server.clock().millis();
        if (!replicas.isEmpty()) {
            long period = server.config().getLong("repl-ping-replica-period") * 1000;
            if (now - lastPingMillis >= period && link == null) {
                lastPingMillis = now;
                ByteBuf ping = Unpooled.wrappedBuffer(PING);
                feedRaw(ping);
            }
        }
        long ttl = server.config().getLong("repl-backlog-ttl");
        if (backlog != null && replicas.isEmpty() && link == null && ttl > 0 && noReplicasSinceMillis > 0
                && now - noReplicasSinceMillis > ttl * 1000) {
            server.propagator().removeSink(this);
            backlog = null;
        }
        if (link != null) link.cron(now);
    }

    /** Starts replicating if the configuration names a master (replicaof in redis.conf). */
    public void startFromConfig() {
        String cfg = server.config().get("replicaof").trim();
        if (cfg.isEmpty()) return;
        String[] hp = cfg.split("\\s+");
        if (hp.length == 2) becomeReplicaOf(hp[0], Integer.parseInt(hp[1]));
    }

    /** Called by the link once a full sync loaded: the master's history becomes ours. */
    void adoptMasterHistory(String masterReplid, long offset) {
        replid = masterReplid;
        replid2 = ZERO_ID;
        secondReplOffset = -1;
        masterOffset = offset;
        disconnectReplicas();
        if (backlog != null) server.propagator().removeSink(this);
        backlog = null;
        createBacklog();
        // a replica's backlog is fed with the master's bytes, not with our own propagation
        server.propagator().removeSink(this);
    }

    /** +CONTINUE with a new ID: the master was promoted; keep the old ID as replid2. */
    void masterChangedId(String newReplid) {
        if (newReplid.equals(replid)) return;
        replid2 = replid;
        secondReplOffset = masterOffset + 1;
        replid = newReplid;
        disconnectReplicas();
    }

    void ensureBacklogForReplica() {
        if (backlog == null) {
            createBacklog();
            server.propagator().removeSink(this);
        }
    }
}
