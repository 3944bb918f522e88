package io.cinnabar.server;

import io.cinnabar.resp.Argv;

/**
 * What one client costs, as Redis' getClientMemoryUsage counts it: the client structure, its reply
 * buffer's allocation, the query buffer (with a partly read request's arguments), the running
 * command's arguments, queued replies beyond the reply buffer, the MULTI queue and watched keys,
 * and the overhead of its subscriptions and tracking prefixes. CLIENT LIST's tot-mem shows it and
 * client eviction (maxmemory-clients) sums it.
 */
public final class ClientMemory {
    private ClientMemory() {}

    /** The client structure itself (Redis' zmalloc_size(client) is about this). */
    static final long STRUCT = 1024;
    /** PROTO_REPLY_CHUNK_BYTES and PROTO_REPLY_MIN_BYTES: the reply buffer's largest and smallest size. */
    static final long REPLY_CHUNK = 16 * 1024, REPLY_MIN = 1024;
    /** listNode + watchedKey; a dict entry plus its bucket; a pattern's listNode; multiCmd. */
    private static final long WATCHED_KEY = 56, CHANNEL = 32, PATTERN = 24, QUEUED_CMD = 32, PREFIX = 64;

    /** The whole of it. */
    public static long usage(Server server, ClientConnection c) {
        long mem = STRUCT + replyBufferSize(c) + queuedOutput(c) + c.queryBufferBytes() + runningArgv(server, c)
                + multiState(c);
        int[] subs = io.cinnabar.pubsub.PubSub.clientCounts(c);
        mem += (subs[0] + subs[2]) * CHANNEL + subs[1] * PATTERN;
        if (c.trackingPrefixes != null) mem += c.trackingPrefixes.size() * PREFIX;
        return mem;
    }

    /** The reply buffer's allocation (CLIENT LIST rbs): it grows with replies up to 16k, never below 1k. */
    static long replyBufferSize(ClientConnection c) {
        return Math.min(REPLY_CHUNK, Math.max(REPLY_MIN, c.replyPeak));
    }

    /** Replies waiting beyond the reply buffer (Redis' reply list, CLIENT LIST omem). */
    static long queuedOutput(ClientConnection c) {
        return Math.max(0, c.outputBytes() - replyBufferSize(c));
    }

    /** The arguments of the command the client is running (Redis frees them once it ran). */
    static long runningArgv(Server server, ClientConnection c) {
        if (!server.dispatcher().inCall() || server.dispatcher().currentClient() != c) return 0;
        return argvBytes(c.argv);
    }

    /** argv_len_sum plus the argument pointers. */
    static long argvBytes(Argv a) {
        long n = 8L * a.size();
        for (int i = 0; i < a.size(); i++) n += a.get(i).length;
        return n;
    }

    /** multiStateMemOverhead: queued commands' arguments and entries, and the watched keys. */
    static long multiState(ClientConnection c) {
        long n = 0;
        for (Argv a : c.multiArgv) n += argvBytes(a) + QUEUED_CMD;
        if (c.watchState instanceof java.util.List<?> w) n += w.size() * WATCHED_KEY;
        return n;
    }
}
