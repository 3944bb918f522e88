package io.cinnabar.replication;

import io.cinnabar.server.ClientConnection;
import io.cinnabar.server.Propagator;
import io.cinnabar.server.Server;
import io.cinnabar.store.Database;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Master-replica replication of one server, both roles (Redis' replication.c):
 * <ul>
 * <li>As a master it is the replication sink of the one write path: every propagated command goes
 * into the {@link ReplicationBacklog} and to each replica past its snapshot. PSYNC continues from
 * the backlog when the replica's replication ID and offset allow it (+CONTINUE), or sends a full
 * snapshot ({@link FullSync}).</li>
 * <li>As a replica it keeps a {@link MasterLink}: the handshake, loading the master's RDB, applying
 * the stream, and acknowledging the processed offset. The exact bytes received are forwarded to
 * its own replicas with the same offsets (chained replication); its own writes are not.</li>
 * </ul>
 * Replication IDs follow PSYNC2: replid, and replid2 with second_repl_offset after a promotion.
 */
public final class Replication implements Propagator.Sink {
    static final String ZERO_ID = "0000000000000000000000000000000000000000";
    private static final byte[] PING = "*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NEWLINE = {'\n'};
    private static final io.cinnabar.error.RedisError UNBLOCKED = new io.cinnabar.error.RedisError(
            "UNBLOCKED force unblock from blocking operation, instance state changed (master -> replica?)");

    final Server server;
    final FullSync fullSync;
    final ReplicaLimits limits;
    final Failover failover;
    String replid = Server.randomHex(40);
    String replid2 = ZERO_ID;
    long secondReplOffset = -1;
    /** master_repl_offset: the offset of the last byte of the stream produced or received. */
    long masterOffset;
    ReplicationBacklog backlog;
    final List<ReplicaState> replicas = new ArrayList<>();
    MasterLink link;
    private boolean sinkRegistered;
    private long lastSecondMillis;
    private long cronSeconds;
    private long noReplicasSinceMillis;
    /** Set when the RDB loaded at startup carried repl-id/repl-offset: the first PSYNC uses them. */
    private String restoredReplid;
    private long restoredOffset;
    private int restoredStreamDb;

    public Replication(Server server) {
        this.server = server;
        this.fullSync = new FullSync(this);
        this.limits = new ReplicaLimits(this);
        this.failover = new Failover(this);
        this.noReplicasSinceMillis = server.clock().millis();
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
    public ReplicaLimits limits() { return limits; }
    public Failover failover() { return failover; }

    // ---- the stream ----

    /** Propagator sink: the stream of this master's own writes (a replica does not forward its own). */
    @Override public void feed(ByteBuf commands, int db) {
        if (link == null) feedRaw(commands);
    }

    /** Appends stream bytes to the backlog and sends them to every replica past its snapshot. */
    void feedRaw(ByteBuf data) {
        if (backlog == null) return;
        int n = data.readableBytes();
        if (n == 0) return;
        backlog.append(data.duplicate());
        masterOffset += n;
        if (replicas.isEmpty()) return;
        ByteBuf copy = null;
        try {
            for (int i = 0; i < replicas.size(); i++) {
                ReplicaState r = replicas.get(i);
                if (r.sync == ReplicaState.Sync.WAIT_BGSAVE_START || r.client.isClosed()) continue;
                if (r.held != null) {
                    r.held.writeBytes(data, data.readerIndex(), n);
                    continue;
                }
                if (copy == null) copy = Unpooled.copiedBuffer(data);
                r.client.channel().writeAndFlush(copy.retainedDuplicate(), r.client.channel().voidPromise());
            }
        } finally {
            if (copy != null) copy.release();
        }
        limits.checkOutputBuffers();
    }

    /** Writes bytes that are not part of the stream (the pre-sync newline) to one replica. */
    private static void writeOutOfBand(ReplicaState r, byte[] bytes) {
        if (r.client.channel() != null && !r.client.isClosed()) {
            r.client.channel().writeAndFlush(Unpooled.wrappedBuffer(bytes), r.client.channel().voidPromise());
        }
    }

    /** DEBUG REPLICATE: one command into the stream, bypassing the AOF. */
    public void feedCommand(byte[][] argv) {
        ByteBuf b = Unpooled.buffer();
        try {
            Propagator.write(b, argv);
            feedRaw(b);
        } finally {
            b.release();
        }
    }

    /** DEBUG CHANGE-REPL-ID: a new history (changeReplicationId + clearReplicationId2). */
    public void changeReplid() {
        replid = Server.randomHex(40);
        clearReplid2();
    }

    private void createBacklog() {
        if (backlog != null) return;
        backlog = new ReplicationBacklog((int) Math.min(Integer.MAX_VALUE - 16,
                server.config().getLong("repl-backlog-size")), masterOffset);
        updateSink();
    }

    private void freeBacklog() {
        backlog = null;
        updateSink();
    }

    /** Only a master with a backlog needs the write path's bytes (propagation costs otherwise). */
    private void updateSink() {
        boolean want = backlog != null && link == null;
        if (want == sinkRegistered) return;
        if (want) server.propagator().addSink(this);
        else server.propagator().removeSink(this);
        sinkRegistered = want;
    }

    // ---- master side ----

    /**
     * PSYNC from a replica (or SYNC when {@code legacySync}): continue from the backlog when
     * possible, otherwise a full resync (now, or after the diskless delay).
     */
    public void psync(ClientConnection c, String replicaReplid, long offset, boolean legacySync) {
        ReplicaState r = pendingState(c);
        c.replicationState = null;
        server.log().notice("Replica " + nameOf(r) + " asks for synchronization");
        if (!legacySync) {
            if (tryPartial(r, replicaReplid, offset)) {
                server.stats().syncPartialOk++;
                return;
            }
            if (!replicaReplid.equals("?")) server.stats().syncPartialErr++;
        } else {
            r.prePsync = true;
        }
        server.stats().syncFull++;
        r.sync = ReplicaState.Sync.WAIT_BGSAVE_START;
        r.waitStartNanos = System.nanoTime();
        attach(r);
        if (replicas.size() == 1 && backlog == null) {
            // a new backlog starts a new history (changeReplicationId + clearReplicationId2)
            replid = Server.randomHex(40);
            clearReplid2();
            createBacklog();
            server.log().notice("Replication backlog created, my new replication IDs are '" + replid + "' and '"
                    + replid2 + "'");
        }
        if (fullSync.attachToRunning(r)) {
            return;
        } else if (fullSync.delayed(r)) {
            server.log().notice("Delay next BGSAVE for diskless SYNC");
        } else if (server.<io.cinnabar.persistence.Persistence>persistence().snapshotInProgress()) {
            server.log().notice("Can't attach the replica to the current BGSAVE. Waiting for next BGSAVE for SYNC");
        } else {
            fullSync.start();
        }
    }

    private boolean tryPartial(ReplicaState r, String id, long offset) {
        if (!id.equalsIgnoreCase(replid) && (!id.equalsIgnoreCase(replid2) || offset > secondReplOffset)) {
            if (id.equals("?")) {
                server.log().notice("Full resync requested by replica " + nameOf(r));
            } else if (!id.equalsIgnoreCase(replid) && !id.equalsIgnoreCase(replid2)) {
                server.log().notice("Partial resynchronization not accepted: Replication ID mismatch (Replica asked for '"
                        + id + "', my replication IDs are '" + replid + "' and '" + replid2 + "')");
            } else {
                server.log().notice("Partial resynchronization not accepted: Requested offset for second ID was "
                        + offset + ", but I can reply up to " + secondReplOffset);
            }
            return false;
        }
        if (backlog == null || !backlog.canContinueFrom(offset)) {
            server.log().notice("Unable to partial resync with replica " + nameOf(r)
                    + " for lack of backlog (Replica request was: " + offset + ").");
            return false;
        }
        ByteBuf out = Unpooled.buffer();
        out.writeCharSequence(r.psync2 ? "+CONTINUE " + replid + "\r\n" : "+CONTINUE\r\n", StandardCharsets.US_ASCII);
        long len = backlog.endOffset() + 1 - offset;
        if (len > 0) out.writeBytes(backlog.from(offset));
        r.sync = ReplicaState.Sync.ONLINE;
        attach(r);
        r.client.channel().writeAndFlush(out);
        server.log().notice("Partial resynchronization request from " + nameOf(r) + " accepted. Sending " + len
                + " bytes of backlog starting from offset " + offset + ".");
        return true;
    }

    private void attach(ReplicaState r) {
        ClientConnection c = r.client;
        c.flags |= ClientConnection.REPLICA;
        c.replyMode = ClientConnection.ReplyMode.OFF;
        r.ackTimeMillis = server.clock().millis();
        if (!replicas.contains(r)) replicas.add(r);
    }

    /** The RDB reached the replica's socket: it is online (replicaPutOnline). */
    void putOnline(ReplicaState r) {
        r.sync = ReplicaState.Sync.ONLINE;
        r.ackTimeMillis = server.clock().millis();
        server.log().notice("Synchronization with replica " + nameOf(r) + " succeeded");
    }

    /** The db a snapshot's stream continues in: a replica's master stream db; a master sends SELECT first. */
    int streamDbForSnapshot() {
        return link != null ? link.streamDb() : 0;
    }

    String nameOf(ReplicaState r) {
        return r.listeningPort != 0 ? r.ip() + ":" + r.listeningPort : r.client.addr();
    }

    ReplicaState stateOf(ClientConnection c) {
        for (ReplicaState r : replicas) if (r.client == c) return r;
        return c.replicationState instanceof ReplicaState rs ? rs : null;
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
        if (r.held != null && r.online()) { // the first ACK after an EOF-marked RDB: the stream starts
            ByteBuf held = r.held;
            r.held = null;
            if (held.isReadable()) r.client.channel().writeAndFlush(held, r.client.channel().voidPromise());
            else held.release();
        }
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
        for (ReplicaState r : replicas) {
            if (r.client == c && r.held != null) {
                r.held.release();
                r.held = null;
            }
        }
        boolean wasReplica = replicas.removeIf(r -> r.client == c);
        if (wasReplica && replicas.isEmpty()) noReplicasSinceMillis = server.clock().millis();
        if (wasReplica) fullSync.replicaGone();
        if (link != null) link.clientGone(c);
    }

    /** Disconnects every replica (they will resync), e.g. after a full sync from a new master. */
    void disconnectReplicas() {
        for (ReplicaState r : new ArrayList<>(replicas)) server.closeClient(r.client);
        replicas.clear();
    }

    private void clearReplid2() {
        replid2 = ZERO_ID;
        secondReplOffset = -1;
    }

    /** The current history continues under a new ID, the old one valid up to here (shiftReplicationId). */
    void shiftReplid(String newId) {
        replid2 = replid;
        secondReplOffset = masterOffset + 1;
        replid = newId;
        server.log().warning("Setting secondary replication ID to " + replid2 + ", valid up to offset: "
                + secondReplOffset + ". New replication ID is " + replid);
    }

    // ---- role changes ----

    /** REPLICAOF host port: replicas stay attached; they may continue with us after our PSYNC. */
    public void becomeReplicaOf(String host, int port) {
        String psyncId;
        long psyncOffset;
        int streamDb = 0;
        if (link != null) {
            link.close();
            psyncId = replid;
            psyncOffset = masterOffset + 1;
            streamDb = link.streamDb();
        } else {
            server.log().notice("Before turning into a replica, using my own master parameters to synthesize a "
                    + "cached master: I may be able to synchronize with the new master with just a partial transfer.");
            psyncId = replid;
            psyncOffset = masterOffset + 1;
        }
        disconnectBlockedClients();
        if (restoredReplid != null) {
            psyncId = restoredReplid;
            psyncOffset = restoredOffset + 1;
            streamDb = restoredStreamDb;
            restoredReplid = null;
        }
        server.config().setUnchecked("replicaof", host + " " + port);
        for (Database db : server.dbs()) db.expireMode(Database.ExpireMode.HIDE);
        link = new MasterLink(this, host, port, psyncId, psyncOffset, streamDb);
        updateSink();
        link.connect();
    }

    /** Clients blocked while we were a master would desync from the new master (disconnectAllBlockedClients). */
    private void disconnectBlockedClients() {
        for (ClientConnection c : new ArrayList<>(server.clients().values())) {
            if (c.postponedArgv == null && server.blocking().unblockWithError(c, UNBLOCKED)) {
                c.flags |= ClientConnection.CLOSE_AFTER_REPLY;
                server.markPendingFlush(c);
            }
        }
    }

    /** REPLICAOF NO ONE: keeps the data and continues the history under a new ID (replid2 = old). */
    public void becomeMaster() {
        if (link == null) return;
        link.close();
        link = null;
        server.config().setUnchecked("replicaof", "");
        for (Database db : server.dbs()) db.expireMode(Database.ExpireMode.DELETE);
        shiftReplid(Server.randomHex(40));
        disconnectReplicas();
        server.propagator().resetSelectedDb();
        noReplicasSinceMillis = server.clock().millis();
        updateSink();
    }

    public boolean isReplica() {
        return link != null;
    }

    // ---- cron ----

    public void cron() {
        long now = server.clock().millis();
        if (link != null) link.cron();
        failover.update();
        // delays and the once-a-second work run on real time: a test's manual clock only moves data time
        long mono = System.nanoTime() / 1_000_000;
        fullSync.startPending(System.nanoTime());
        if (mono - lastSecondMillis < 1000) return;
        lastSecondMillis = mono;
        long seconds = cronSeconds++;
        long period = Math.max(1, server.config().getLong("repl-ping-replica-period"));
        if (link == null && seconds % period == 0 && !replicas.isEmpty()) {
            feedRaw(Unpooled.wrappedBuffer(PING));
        }
        long timeout = server.config().getLong("repl-timeout") * 1000;
        fullSync.checkStalled(mono, timeout);
        for (ReplicaState r : new ArrayList<>(replicas)) {
            if (r.sync == ReplicaState.Sync.WAIT_BGSAVE_START
                    || (r.sync == ReplicaState.Sync.WAIT_BGSAVE_END && !r.socketTarget)) {
                writeOutOfBand(r, NEWLINE); // keeps a replica waiting for its snapshot from timing out
            }
            if (r.sync == ReplicaState.Sync.ONLINE && !r.prePsync && now - r.ackTimeMillis > timeout) {
                server.log().warning("Disconnecting timedout replica (streaming sync): " + nameOf(r));
                server.closeClient(r.client);
            }
        }
        long ttl = server.config().getLong("repl-backlog-ttl");
        if (backlog != null && replicas.isEmpty() && link == null && ttl > 0
                && now - noReplicasSinceMillis > ttl * 1000) {
            replid = Server.randomHex(40);
            clearReplid2();
            freeBacklog();
            server.log().notice("Replication backlog freed after " + ttl + " seconds without connected replicas.");
        }
    }

    /** Starts replicating if the configuration names a master (replicaof in redis.conf). */
    public void startFromConfig() {
        String cfg = server.config().get("replicaof").trim();
        if (cfg.isEmpty()) return;
        String[] hp = cfg.split("\\s+");
        if (hp.length == 2) becomeReplicaOf(hp[0], Integer.parseInt(hp[1]));
    }

    /**
     * The RDB loaded at startup named the replication history it belongs to (repl-id, repl-offset
     * AUX): a replica continues it with PSYNC (Redis' loadDataFromDisk + replicationCacheMasterUsingMyself).
     */
    public void restoreFromRdb(java.util.Map<String, String> aux) {
        String id = aux.get("repl-id");
        String off = aux.get("repl-offset");
        if (id == null || off == null || id.length() != 40) return;
        try {
            long offset = Long.parseLong(off);
            int db = Integer.parseInt(aux.getOrDefault("repl-stream-db", "0"));
            if (!server.isReplica()) return;
            replid = id;
            masterOffset = offset;
            restoredReplid = id;
            restoredOffset = offset;
            restoredStreamDb = db;
        } catch (NumberFormatException e) {
            // not ours to continue
        }
    }

    /** The AUX fields a save records so that a restarted replica can PSYNC (rdbPopulateSaveInfo). */
    public java.util.Map<String, String> saveInfo() {
        if (link == null && backlog == null) return java.util.Map.of();
        java.util.Map<String, String> aux = new java.util.LinkedHashMap<>();
        aux.put("repl-stream-db", Integer.toString(link != null ? link.streamDb() : 0));
        aux.put("repl-id", replid);
        aux.put("repl-offset", Long.toString(masterOffset));
        return aux;
    }

    /** Called by the link once a full sync loaded: the master's history becomes ours. */
    void adoptMasterHistory(String masterReplid, long offset) {
        replid = masterReplid;
        clearReplid2();
        masterOffset = offset;
        backlog = null;
        createBacklog();
    }

    /** Before a full sync from a new master replaces the data: our replicas must resync too. */
    void attachToNewMaster() {
        disconnectReplicas();
    }

    /** +CONTINUE with a new ID: the master was promoted; keep the old ID as replid2. */
    void masterChangedId(String newReplid) {
        if (newReplid.equals(replid)) return;
        shiftReplid(newReplid);
        disconnectReplicas();
    }

    void ensureBacklogForReplica() {
        if (backlog == null) createBacklog();
    }
}
