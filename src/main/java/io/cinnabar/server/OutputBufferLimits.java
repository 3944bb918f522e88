package io.cinnabar.server;

import java.util.ArrayList;
import java.util.List;

/**
 * client-output-buffer-limit: a client whose pending replies reach its class' hard limit, or stay
 * over the soft limit for longer than the soft seconds, is closed (Redis'
 * checkClientOutputBufferLimits + freeClientAsync). Classes: normal, replica, pubsub (a client
 * with the PUBSUB flag). The close is deferred to the next flush, so a publish loop never sees
 * its subscriber lists change under it.
 */
public final class OutputBufferLimits {
    private static final int NORMAL = 0, REPLICA = 1, PUBSUB = 2;
    private final Server server;
    /** [class][hard, soft, softSeconds]. */
    private final long[][] limits = new long[3][3];
    private final List<ClientConnection> closing = new ArrayList<>();

    OutputBufferLimits(Server server) {
        this.server = server;
        load(server.config().get("client-output-buffer-limit"));
        server.config().onChange("client-output-buffer-limit", p -> load(p.value()));
    }

    private void load(String v) {
        String[] t = v.trim().split("\\s+");
        for (int i = 0; i + 3 < t.length; i += 4) {
            int cls = t[i].equals("normal") ? NORMAL : t[i].equals("pubsub") ? PUBSUB : REPLICA;
            limits[cls][0] = Long.parseLong(t[i + 1]);
            limits[cls][1] = Long.parseLong(t[i + 2]);
            limits[cls][2] = Long.parseLong(t[i + 3]);
        }
    }

    private static int classOf(ClientConnection c) {
        if (c.has(ClientConnection.REPLICA) && !c.has(ClientConnection.MONITOR)) return REPLICA;
        if (c.has(ClientConnection.PUBSUB)) return PUBSUB;
        return NORMAL; // masters count as normal clients here
    }

    /**
     * Checks one client; when over its limit it is scheduled to be closed (at the next flush) and
     * true is returned. Cheap when the client's class has no limits.
     */
    public boolean check(ClientConnection c) {
        if (c.channel == null || c.closed || c.has(ClientConnection.CLOSE_ASAP)) return false;
        long[] l = limits[classOf(c)];
        if (l[0] == 0 && l[1] == 0) return false;
        long used = c.outputBytes();
        boolean hard = l[0] != 0 && used >= l[0];
        boolean soft = l[1] != 0 && used >= l[1];
        if (soft) {
            long now = server.clock().millis() / 1000;
            if (c.outputSoftLimitSince == 0) {
                c.outputSoftLimitSince = now;
                soft = false; // first time over the soft limit
            } else if (now - c.outputSoftLimitSince <= l[2]) {
                soft = false;
            }
        } else {
            c.outputSoftLimitSince = 0;
        }
        if (!hard && !soft) return false;
        c.flags |= ClientConnection.CLOSE_ASAP;
        server.stats().clientOutputBufferLimitDisconnections++;
        server.log().warning("Client id=" + c.id + " addr=" + c.addr
                + " scheduled to be closed ASAP for overcoming of output buffer limits.");
        closing.add(c);
        server.markPendingFlush(c);
        return true;
    }

    /** From cron: the soft limit also applies while no traffic arrives. */
    void cron() {
        for (ClientConnection c : server.clients().values()) {
            if (c.outputSoftLimitSince != 0 || c.has(ClientConnection.PUBSUB)) check(c);
        }
        closePending();
    }

    /** Closes the clients scheduled for it, discarding what they had pending. */
    void closePending() {
        if (closing.isEmpty()) return;
        List<ClientConnection> now = new ArrayList<>(closing);
        closing.clear();
        for (ClientConnection c : now) {
            if (c.closed) continue;
            c.channel.close();
            server.removeClient(c);
        }
    }
}
