package io.cinnabar.replication;

import io.cinnabar.server.Server;

/** INFO replication (Redis 7.0's fields: role, slaveN lines, replication IDs, offsets, backlog, link state). */
public final class ReplicationInfo {
    private ReplicationInfo() {}

    public static String section(Server s, Replication r) {
        StringBuilder b = new StringBuilder(512);
        MasterLink link = r.link();
        if (link == null) {
            f(b, "role", "master");
        } else {
            f(b, "role", "slave");
            f(b, "master_host", link.host());
            f(b, "master_port", link.port());
            f(b, "master_link_status", link.up() ? "up" : "down");
            f(b, "master_last_io_seconds_ago", link.lastIoSecondsAgo());
            f(b, "master_sync_in_progress", link.syncInProgress() ? 1 : 0);
            f(b, "slave_read_repl_offset", link.up() ? link.readOffset() : r.masterOffset());
            f(b, "slave_repl_offset", r.masterOffset());
            if (!link.up()) f(b, "master_link_down_since_seconds", link.linkDownSeconds());
            f(b, "slave_priority", s.config().get("replica-priority"));
            f(b, "slave_read_only", s.config().getBool("replica-read-only") ? 1 : 0);
            f(b, "replica_announced", s.config().getBool("replica-announced") ? 1 : 0);
        }
        f(b, "connected_slaves", r.replicas().size());
        if (s.config().getLong("min-replicas-to-write") > 0 && s.config().getLong("min-replicas-max-lag") > 0) {
            f(b, "min_slaves_good_slaves", r.limits().goodReplicas());
        }
        long nowSec = s.clock().millis() / 1000;
        int i = 0;
        for (ReplicaState rs : r.replicas()) {
            b.append("slave").append(i++).append(":ip=").append(rs.ip()).append(",port=").append(rs.listeningPort())
                    .append(",state=").append(rs.syncStateName()).append(",offset=").append(rs.ackOffset())
                    .append(",lag=").append(nowSec - rs.ackTimeMillis() / 1000).append("\r\n");
        }
        f(b, "master_failover_state", r.failover().stateName());
        f(b, "master_replid", r.replid());
        f(b, "master_replid2", r.replid2());
        f(b, "master_repl_offset", r.masterOffset());
        f(b, "second_repl_offset", r.secondReplOffset());
        ReplicationBacklog bl = r.backlog();
        f(b, "repl_backlog_active", bl == null ? 0 : 1);
        f(b, "repl_backlog_size", s.config().get("repl-backlog-size"));
        f(b, "repl_backlog_first_byte_offset", bl == null ? 0 : bl.firstByteOffset());
        f(b, "repl_backlog_histlen", bl == null ? 0 : bl.histlen());
        return b.toString();
    }

    private static void f(StringBuilder b, String name, Object value) {
        b.append(name).append(':').append(value).append("\r\n");
    }
}
