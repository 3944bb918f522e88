package io.cinnabar.replication;

import io.cinnabar.config.ConfigParam;
import io.cinnabar.command.CommandFlag;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.error.RedisError;
import io.cinnabar.server.ClientConnection;
import io.cinnabar.server.Server;
import java.util.ArrayList;

/**
 * The limits replication puts on commands and replicas: {@code min-replicas-to-write} with
 * {@code min-replicas-max-lag} (NOREPLICAS), {@code replica-serve-stale-data no} (MASTERDOWN), and
 * {@code client-output-buffer-limit replica} for replicas that fall behind (the RDB being sent is
 * not counted, as Redis sends it from the file or the child's pipe, not the output buffer).
 */
public final class ReplicaLimits {
    public static final RedisError NOREPLICAS = new RedisError("NOREPLICAS Not enough good replicas to write.");
    static final RedisError MASTERDOWN =
            new RedisError("MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'.");

    private static final RedisError KEYSPACE = new RedisError("ERR Replica can't interact with the keyspace");

    private final Replication repl;
    private final Server server;
    private long hard;
    private long soft;
    private long softSeconds;
    // read on every write command: held instead of looked up by name
    private final ConfigParam minReplicas;
    private final ConfigParam maxLag;

    ReplicaLimits(Replication repl) {
        this.repl = repl;
        this.server = repl.server;
        this.minReplicas = server.config().param("min-replicas-to-write");
        this.maxLag = server.config().param("min-replicas-max-lag");
        loadLimits(server.config().get("client-output-buffer-limit"));
        server.config().onChange("client-output-buffer-limit", p -> loadLimits(p.value()));
        server.dispatcher().addAdmission(this::admit);
        server.dispatcher().addListener((c, e, argv, micros) -> {
            if (c.has(ClientConnection.REPLICA) && !c.has(ClientConnection.MASTER | ClientConnection.MONITOR) && !e.spec().name().equals("replconf")
                    && !e.spec().name().equals("psync") && !e.spec().name().equals("sync")) {
                replicaReplied(c, e.spec());
            }
        });
    }

    private void loadLimits(String v) {
        String[] t = v.trim().split("\\s+");
        for (int i = 0; i + 3 < t.length; i += 4) {
            if (t[i].equals("replica") || t[i].equals("slave")) {
                hard = Long.parseLong(t[i + 1]);
                soft = Long.parseLong(t[i + 2]);
                softSeconds = Long.parseLong(t[i + 3]);
            }
        }
    }

    private RedisError admit(ClientConnection c, CommandSpec spec, long flags) {
        if (c.has(ClientConnection.REPLICA) && !c.has(ClientConnection.MASTER | ClientConnection.MONITOR)
                && (flags & (CommandFlag.WRITE | CommandFlag.READONLY | CommandFlag.MAY_REPLICATE)) != 0) {
            server.log().warning("== CRITICAL == This master is sending an error to its replica: "
                    + "'Replica can't interact with the keyspace' after processing the command '" + spec.fullName() + "'");
            replicaReplied(c, spec);
            return KEYSPACE;
        }
        if (repl.link == null) {
            if ((flags & CommandFlag.WRITE) != 0 && !enoughGoodReplicas()) return NOREPLICAS;
            return null;
        }
        if ((flags & CommandFlag.STALE) == 0 && !repl.link.up() && !c.has(ClientConnection.MASTER)
                && !server.config().getBool("replica-serve-stale-data")) {
            return MASTERDOWN;
        }
        return null;
    }

    /** A replica's link carries only the stream: a command that replies to it ends the link. */
    private void replicaReplied(ClientConnection c, CommandSpec spec) {
        if (c.has(ClientConnection.CLOSE_ASAP)) return;
        c.flags |= ClientConnection.CLOSE_ASAP;
        server.log().warning("Replica generated a reply to command '" + spec.fullName() + "', disconnecting it: "
                + io.cinnabar.server.ClientInfo.describe(server, c));
        server.net().execute(() -> server.closeClient(c));
    }

    /** checkGoodReplicasStatus: enough online replicas acknowledged within min-replicas-max-lag. */
    public boolean enoughGoodReplicas() {
        long min = minReplicas.number();
        if (min == 0 || maxLag.number() == 0 || repl.link != null) return true;
        return goodReplicas() >= min;
    }

    /** Replicas online whose last ACK is at most min-replicas-max-lag seconds old (repl_good_slaves_count). */
    public int goodReplicas() {
        long maxLag = this.maxLag.number();
        long nowSec = server.clock().millis() / 1000;
        int good = 0;
        for (ReplicaState r : repl.replicas) {
            if (r.online() && nowSec - r.ackTimeMillis / 1000 <= maxLag) good++;
        }
        return good;
    }

    /** After feeding the stream: closes replicas over their output buffer limit (freeClientAsync). */
    void checkOutputBuffers() {
        if (hard == 0 && soft == 0) return;
        ArrayList<ReplicaState> over = null;
        long nowSec = server.clock().millis() / 1000;
        for (ReplicaState r : repl.replicas) {
            // the RDB on its way is not the output buffer (Redis sends it from a file or the child's pipe)
            long used = (r.online() ? r.client.outputBytes() - r.rdbBytesInFlight : 0)
                    + (r.held == null ? 0 : r.held.readableBytes());
            boolean close = hard > 0 && used >= hard;
            if (!close && soft > 0 && used >= soft) {
                if (r.softLimitSince == 0) r.softLimitSince = nowSec;
                else close = nowSec - r.softLimitSince > softSeconds;
            } else if (!close) {
                r.softLimitSince = 0;
            }
            if (close) {
                if (over == null) over = new ArrayList<>();
                over.add(r);
            }
        }
        if (over == null) return;
        for (ReplicaState r : over) {
            server.log().warning("Client id=" + r.client.id() + " addr=" + r.client.addr()
                    + " scheduled to be closed ASAP for overcoming of output buffer limits.");
            server.stats().clientOutputBufferLimitDisconnections++;
            server.closeClient(r.client);
        }
    }
}
