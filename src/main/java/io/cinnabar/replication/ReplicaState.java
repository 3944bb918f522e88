package io.cinnabar.replication;

import io.cinnabar.server.ClientConnection;

/** What a master knows of one attached replica (INFO's slaveN line, ROLE, WAIT, min-replicas). */
public final class ReplicaState {
    /** Redis' SLAVE_STATE_*: waiting for a snapshot to start, for it to end, receiving it, streaming. */
    public enum Sync {
        WAIT_BGSAVE_START("wait_bgsave"), WAIT_BGSAVE_END("wait_bgsave"), SEND_BULK("send_bulk"), ONLINE("online");

        final String info;

        Sync(String info) {
            this.info = info;
        }
    }

    final ClientConnection client;
    Sync sync = Sync.WAIT_BGSAVE_START;
    int listeningPort;
    String announcedIp;
    boolean psync2;
    boolean capaEof;
    /** Came with SYNC (no ACKs expected, as Redis' CLIENT_PRE_PSYNC). */
    boolean prePsync;
    /** Its snapshot goes straight to the socket (EOF-marked), not as a length-prefixed whole. */
    boolean socketTarget;
    long ackOffset;
    /** The offset its +FULLRESYNC named: the snapshot's (a replica joining a running one gets the same). */
    long fullSyncOffset;
    long ackTimeMillis;
    /** When it started waiting for a snapshot (the diskless delay counts from here). */
    long waitStartNanos;
    /** Streamed RDB bytes handed to its socket (by the snapshot's writer thread), and how many left it. */
    volatile long rdbQueued;
    long rdbSent;
    long rdbProgressMillis;
    /** RDB bytes still queued on its socket: not counted against the output buffer limit. */
    long rdbBytesInFlight;
    /**
     * After an EOF-marked RDB the stream is held until the replica's first ACK (Redis'
     * repl_start_cmd_stream_on_ack): a replica reading to the mark must not get more bytes before it.
     */
    io.netty.buffer.ByteBuf held;
    /** When its output buffer first went over the soft limit (seconds), 0 when under. */
    long softLimitSince;

    ReplicaState(ClientConnection client) {
        this.client = client;
    }

    public ClientConnection client() {
        return client;
    }

    public long ackOffset() {
        return ackOffset;
    }

    public int listeningPort() {
        return listeningPort;
    }

    public long ackTimeMillis() {
        return ackTimeMillis;
    }

    public boolean online() {
        return sync == Sync.ONLINE;
    }

    public String syncStateName() {
        return sync.info;
    }

    /** The address INFO and ROLE show: the announced ip (replica-announce-ip), else the peer's. */
    public String ip() {
        if (announcedIp != null) return announcedIp;
        String addr = client.addr();
        int colon = addr.lastIndexOf(':');
        return colon < 0 ? addr : addr.substring(0, colon);
    }

    public void setPsync2() {
        psync2 = true;
    }

    public void setCapaEof() {
        capaEof = true;
    }

    public void setListeningPort(int port) {
        listeningPort = port;
    }

    public void setAnnouncedIp(String ip) {
        announcedIp = ip;
    }
}
