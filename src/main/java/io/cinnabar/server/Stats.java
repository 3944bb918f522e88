package io.cinnabar.server;

import java.util.HashMap;
import java.util.Map;

/** Server-wide counters shown by INFO stats; reset by CONFIG RESETSTAT. */
public final class Stats {
    public long connectionsReceived;
    /** Background jobs started (BGSAVE, BGREWRITEAOF): Redis' total_forks, though nothing forks here. */
    public long totalForks;
    public long commandsProcessed;
    public long rejectedConnections;
    public long expiredKeys;
    public long evictedKeys;
    public long keyspaceHits;
    public long keyspaceMisses;
    public long netInputBytes;
    public long netOutputBytes;
    public long totalErrorReplies;
    public long unexpectedErrorReplies;
    public long expiredStalePerc;
    public long expireCycleCpuMillis;
    public long clientQueryBufferLimitDisconnections;
    public long clientOutputBufferLimitDisconnections;
    /** Clients disconnected by maxmemory-clients (INFO evicted_clients). */
    public long evictedClients;
    public long totalReadsProcessed;
    public long totalWritesProcessed;
    public long syncFull;
    public long syncPartialOk;
    public long syncPartialErr;
    public long pubsubChannelsPeak;
    /** Values UNLINK / FLUSH* ASYNC freed "in the background" (INFO lazyfreed_objects). */
    public long lazyfreedObjects;
    /** errorstats: error code → count. */
    public final Map<String, Long> errors = new HashMap<>();

    public void error(String code) {
        totalErrorReplies++;
        if (errors.size() >= 128 && !errors.containsKey(code)) {
            // Redis' ERRORSTATS_LIMIT: stop tracking new codes past 128
            return;
        }
        errors.merge(code, 1L, Long::sum);
    }

    public void reset() {
        connectionsReceived = commandsProcessed = rejectedConnections = expiredKeys = evictedKeys = 0;
        keyspaceHits = keyspaceMisses = netInputBytes = netOutputBytes = 0;
        totalErrorReplies = unexpectedErrorReplies = expiredStalePerc = expireCycleCpuMillis = 0;
        clientQueryBufferLimitDisconnections = clientOutputBufferLimitDisconnections = evictedClients = 0;
        totalReadsProcessed = totalWritesProcessed = 0;
        syncFull = syncPartialOk = syncPartialErr = totalForks = 0;
        lazyfreedObjects = 0;
        errors.clear();
    }
}
