package io.cinnabar.server;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * maxmemory-clients (Redis 7.0's client eviction): while the memory of all normal and pub/sub
 * clients together reaches the limit, the largest clients are disconnected. As in Redis' server.c
 * (updateClientMemUsageAndBucket, evictClients), each evictable client sits in a bucket by the
 * log2 of its memory (up to 32k, then doubling up to 4 GB and more), updated when its buffers
 * change: after a read, after each command, after its replies were written, and from cron; the
 * eviction walks the buckets from the largest down. CLIENT NO-EVICT ON and replicas, masters and
 * fake clients are never evicted (the first still count towards the total). A limit written as
 * "N%" is that share of maxmemory; any limit is at least 128k. Costs nothing while the limit is 0.
 */
public final class ClientEviction {
    private static final int MIN_LOG = 15, MAX_LOG = 33, BUCKETS = 1 + MAX_LOG - MIN_LOG;
    private static final long MIN_LIMIT = 128 * 1024;
    private final Server server;
    @SuppressWarnings("unchecked")
    private final LinkedHashSet<ClientConnection>[] buckets = new LinkedHashSet[BUCKETS];
    /** maxmemory-clients as configured: bytes, or minus a percentage of maxmemory; 0 disables. */
    private long configured;
    private long maxmemory;
    /** The tracked memory of normal and pub/sub clients (Redis' stat_clients_type_memory). */
    private long total;
    private boolean overWarned;

    ClientEviction(Server server) {
        this.server = server;
        for (int i = 0; i < BUCKETS; i++) buckets[i] = new LinkedHashSet<>();
        configured = server.config().getLong("maxmemory-clients");
        maxmemory = server.config().getLong("maxmemory");
        server.config().onChange("maxmemory", p -> maxmemory = p.number());
        server.config().onChange("maxmemory-clients", p -> reconfigure(p.number()));
        server.onDisconnect(this::forget);
    }

    /** Whether client eviction is on (maxmemory-clients is not 0). */
    public boolean enabled() {
        return configured != 0;
    }

    /** getClientEvictionLimit: the limit in bytes, 0 when there is none. */
    long limit() {
        long limit;
        if (configured < 0 && maxmemory > 0) limit = (long) ((double) maxmemory * -configured / 100);
        else if (configured > 0) limit = configured;
        else return 0;
        return Math.max(limit, MIN_LIMIT);
    }

    /** applyClientMaxMemoryUsage: turning it on places every client; turning it off forgets them. */
    private void reconfigure(long value) {
        boolean was = enabled();
        configured = value;
        if (enabled() == was) return;
        for (ClientConnection c : server.clients().values()) forget(c);
        total = 0;
        overWarned = false;
        if (enabled()) for (ClientConnection c : server.clients().values()) update(c);
    }

    private static boolean counted(ClientConnection c) {
        return c.channel != null && !c.has(ClientConnection.MASTER)
                && !(c.has(ClientConnection.REPLICA) && !c.has(ClientConnection.MONITOR));
    }

    /** updateClientMemUsageAndBucket: the client's current memory into the total and its bucket. */
    public void update(ClientConnection c) {
        if (configured == 0 || c.closed || !counted(c)) return;
        if (c.has(ClientConnection.CLOSE_ASAP)) { // already being closed (output buffer limit): not a candidate
            forget(c);
            return;
        }
        long mem = ClientMemory.usage(server, c);
        total += mem - c.evictionMemory;
        c.evictionMemory = mem;
        int b = c.has(ClientConnection.NO_EVICT) ? -1 : bucketOf(mem);
        if (b != c.evictionBucket) {
            if (c.evictionBucket >= 0) buckets[c.evictionBucket].remove(c);
            if (b >= 0) buckets[b].add(c);
            c.evictionBucket = b;
        }
    }

    private void forget(ClientConnection c) {
        if (c.evictionBucket >= 0) buckets[c.evictionBucket].remove(c);
        c.evictionBucket = -1;
        total -= c.evictionMemory;
        c.evictionMemory = 0;
    }

    static int bucketOf(long mem) {
        int bits = 64 - Long.numberOfLeadingZeros(mem);
        return Math.max(MIN_LOG, Math.min(MAX_LOG, bits)) - MIN_LOG;
    }

    /** Updates the client, then evicts if that took the clients over the limit. */
    public void updateAndEvict(ClientConnection c) {
        if (configured == 0) return;
        update(c);
        evict();
    }

    /** evictClients: frees the largest clients until the total is below the limit. */
    public void evict() {
        long limit = limit();
        if (limit == 0 || total < limit) {
            overWarned = false;
            return;
        }
        List<ClientConnection> victims = new ArrayList<>();
        long remaining = total;
        for (int b = BUCKETS - 1; b >= 0 && remaining >= limit; b--) {
            for (Iterator<ClientConnection> it = buckets[b].iterator(); it.hasNext() && remaining >= limit; ) {
                ClientConnection c = it.next();
                remaining -= c.evictionMemory;
                if (c.has(ClientConnection.CLOSE_ASAP)) continue;
                victims.add(c);
            }
        }
        for (ClientConnection c : victims) {
            if (c.closed) continue;
            server.log().notice("Evicting client: " + ClientInfo.describe(server, c));
            server.stats().evictedClients++;
            c.flags |= ClientConnection.CLOSE_ASAP;
            c.channel.close();
            server.removeClient(c);
        }
        if (remaining >= limit && !overWarned) {
            overWarned = true;
            server.log().warning("Over client maxmemory after evicting all evictable clients");
        }
    }

    /** From cron: refreshes every client (no-evict ones are only measured here, as in Redis). */
    void cron() {
        if (configured == 0) return;
        for (ClientConnection c : server.clients().values()) update(c);
        evict();
    }
}
