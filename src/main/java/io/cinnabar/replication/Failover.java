package io.cinnabar.replication;

import io.cinnabar.error.RedisError;
import io.cinnabar.server.Server;

/**
 * A coordinated failover started by FAILOVER (Redis' failoverCommand / updateFailoverStatus):
 * writes are paused, and once a replica has acknowledged the whole stream (or the timeout passed
 * with FORCE) this master becomes its replica and sends {@code PSYNC id offset FAILOVER}, which
 * makes the target promote itself before answering. The failover ends on that PSYNC's reply:
 * +CONTINUE or +FULLRESYNC completes it, anything else turns this server back into a master.
 */
public final class Failover {
    public enum State {
        NONE("no-failover"), WAIT_FOR_SYNC("waiting-for-sync"), IN_PROGRESS("failover-in-progress");

        final String info;

        State(String info) {
            this.info = info;
        }
    }

    private final Replication repl;
    private final Server server;
    private State state = State.NONE;
    private String targetHost;
    private int targetPort;
    /** Wall-clock deadline in ms, 0 without TIMEOUT. */
    private long endMillis;
    private boolean force;

    Failover(Replication repl) {
        this.repl = repl;
        this.server = repl.server;
    }

    public boolean active() {
        return state != State.NONE;
    }

    /** The INFO replication value of master_failover_state. */
    public String stateName() {
        return state.info;
    }

    /** FAILOVER [TO host port] [FORCE] [TIMEOUT ms], after argument parsing. */
    public void start(String host, int port, long timeoutMillis, boolean force) {
        if (active()) throw new RedisError("ERR FAILOVER already in progress.");
        if (repl.isReplica()) throw new RedisError("ERR FAILOVER is not valid when server is a replica.");
        if (repl.replicas.isEmpty()) throw new RedisError("ERR FAILOVER requires connected replicas.");
        if (force && (timeoutMillis == 0 || host == null)) {
            throw new RedisError("ERR FAILOVER with force option requires both a timeout and target HOST and IP.");
        }
        if (host != null) {
            ReplicaState target = find(host, port);
            if (target == null) throw new RedisError("ERR FAILOVER target HOST and PORT is not a replica.");
            if (!target.online()) throw new RedisError("ERR FAILOVER target replica is not online.");
            targetHost = host;
            targetPort = port;
            server.log().notice("FAILOVER requested to " + host + ":" + port + ".");
        } else {
            server.log().notice("FAILOVER requested to any replica.");
        }
        endMillis = timeoutMillis > 0 ? System.currentTimeMillis() + timeoutMillis : 0;
        this.force = force;
        state = State.WAIT_FOR_SYNC;
        server.dispatcher().pauseForFailover(true);
    }

    /** FAILOVER ABORT. */
    public void abortByUser() {
        if (!active()) throw new RedisError("ERR No failover in progress.");
        abort("Failover manually aborted");
    }

    /** Gives up: back to being the master if we had already turned into the target's replica. */
    void abort(String why) {
        if (!active()) return;
        server.log().notice(targetHost != null
                ? "FAILOVER to " + targetHost + ":" + targetPort + " aborted: " + why
                : "FAILOVER to any replica aborted: " + why);
        if (state == State.IN_PROGRESS) repl.becomeMaster();
        clear();
    }

    /** The target answered our PSYNC FAILOVER: done when it accepted, aborted otherwise. */
    void psyncAnswered(boolean accepted) {
        if (state != State.IN_PROGRESS) return;
        if (accepted) clear();
        else abort("Failover target rejected psync request");
    }

    private void clear() {
        state = State.NONE;
        targetHost = null;
        targetPort = 0;
        endMillis = 0;
        force = false;
        server.dispatcher().pauseForFailover(false);
    }

    /** Cron and every ACK: has the timeout passed, or has a replica caught up? */
    void update() {
        if (state != State.WAIT_FOR_SYNC) return;
        if (endMillis != 0 && endMillis <= System.currentTimeMillis()) {
            if (force) {
                server.log().notice("FAILOVER to " + targetHost + ":" + targetPort
                        + " time out exceeded, failing over.");
                failOverTo(targetHost, targetPort);
            } else {
                abort("Replica never caught up before timeout");
            }
            return;
        }
        ReplicaState caughtUp = null;
        if (targetHost != null) {
            ReplicaState r = find(targetHost, targetPort);
            if (r != null && r.ackOffset == repl.masterOffset) caughtUp = r;
        } else {
            for (ReplicaState r : repl.replicas) {
                if (r.ackOffset == repl.masterOffset) {
                    caughtUp = r;
                    targetHost = r.ip();
                    targetPort = r.listeningPort;
                    break;
                }
            }
        }
        if (caughtUp != null) {
            server.log().notice("Failover target " + targetHost + ":" + targetPort + " is synced, failing over.");
            failOverTo(targetHost, targetPort);
        }
    }

    private void failOverTo(String host, int port) {
        state = State.IN_PROGRESS;
        repl.becomeReplicaOf(host, port);
    }

    /** The PSYNC a failing-over master sends carries FAILOVER so the target promotes itself. */
    boolean inProgress() {
        return state == State.IN_PROGRESS;
    }

    private ReplicaState find(String host, int port) {
        for (ReplicaState r : repl.replicas) {
            if (r.listeningPort == port && r.ip().equalsIgnoreCase(host)) return r;
        }
        return null;
    }
}
