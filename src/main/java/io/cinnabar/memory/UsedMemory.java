package io.cinnabar.memory;

import io.cinnabar.server.ClientConnection;
import io.cinnabar.server.Server;
import io.cinnabar.store.Database;
import io.cinnabar.store.MemoryEstimate;

/**
 * INFO's {@code used_memory}, from our own accounting rather than the JVM heap (which includes
 * garbage not yet collected): a fixed startup figure, the keyspace (each key's estimate kept by
 * its database, plus the expires entries) and the clients' query and reply buffers. Replicas'
 * reply buffers are counted but, as in Redis, not towards maxmemory (mem_not_counted_for_evict).
 */
public final class UsedMemory {
    /** What an empty server reports (Redis 7.0 starts around 870 KB: shared objects, dicts, buffers). */
    public static final long STARTUP = 880 * 1024;
    /** A client's own structure (Redis' sizeof(client) plus its small buffers). */
    static final long CLIENT_STRUCT = 1024;

    private final Server server;
    private long peak;

    UsedMemory(Server server) {
        this.server = server;
    }

    /** The keyspace: every database's keys and expires entries. */
    public long dataset() {
        long n = 0;
        for (Database db : server.dbs()) n += db.usedBytes();
        return n;
    }

    /** One client's buffers as counted (getClientMemoryUsage): query buffer, replies, structure. */
    public static long client(ClientConnection c) {
        return CLIENT_STRUCT + c.queryBufferBytes() + c.outputBytes();
    }

    /** [normal clients, replicas] buffer bytes. */
    public long[] clients() {
        long normal = 0, replicas = 0;
        for (ClientConnection c : server.clients().values()) {
            if (c.has(ClientConnection.REPLICA)) replicas += client(c);
            else normal += client(c);
        }
        return new long[] {normal, replicas};
    }

    public long used() {
        long[] c = clients();
        return track(STARTUP + dataset() + c[0] + c[1]);
    }

    /** Bytes not counted towards maxmemory: replicas' buffers (and an AOF buffer, which we do not hold). */
    public long notCountedForEvict() {
        return clients()[1];
    }

    /** getMaxmemoryState: bytes to free to get under {@code max} (0 or less: under it). */
    long toFree(long max) {
        long[] c = clients();
        long total = track(STARTUP + dataset() + c[0] + c[1]);
        if (total <= max) return 0;
        return total - c[1] - max;
    }

    private long track(long used) {
        if (used > peak) peak = used;
        return used;
    }

    public long peak() {
        return peak;
    }

    /** The per-key structure in a database (MEMORY STATS overhead.hashtable.main). */
    static long keyOverhead(Database db) {
        return db.size() * MemoryEstimate.KEY_ENTRY;
    }

    static long expiresOverhead(Database db) {
        return db.expiresSize() * MemoryEstimate.EXPIRE_ENTRY;
    }

    /** Process RSS from /proc/self/statm (resident pages), or the JVM's committed heap elsewhere. */
    public static long rss() {
        try {
            String s = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/self/statm")),
                    java.nio.charset.StandardCharsets.US_ASCII);
            String[] f = s.trim().split(" ");
            return Long.parseLong(f[1]) * 4096;
        } catch (Exception e) {
            return Runtime.getRuntime().totalMemory();
        }
    }
}
