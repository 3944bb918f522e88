package io.cinnabar.command.server;

import io.cinnabar.command.CommandEntry;
import io.cinnabar.config.Config;
import io.cinnabar.server.ClientConnection;
import io.cinnabar.server.Server;
import io.cinnabar.server.Stats;
import io.cinnabar.store.Database;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The bodies of INFO's sections (genRedisInfoString), with Redis 7.0's field names where they mean
 * something here. Memory figures are the JVM's (heap in use, process RSS), not an allocator's.
 */
final class InfoSections {
    private InfoSections() {}

    static final String[] DEFAULT = {"server", "clients", "memory", "persistence", "stats", "replication", "cpu",
        "modules", "errorstats", "cluster", "keyspace"};
    static final String[] ALL = {"server", "clients", "memory", "persistence", "stats", "replication", "cpu",
        "modules", "commandstats", "errorstats", "latencystats", "cluster", "keyspace"};

    static String title(String section) {
        switch (section) {
            case "commandstats": return "Commandstats";
            case "errorstats": return "Errorstats";
            case "latencystats": return "Latencystats";
            default: return Character.toUpperCase(section.charAt(0)) + section.substring(1);
        }
    }

    static String body(Server s, String section) {
        Supplier<String> p = s.infoProvider(section);
        if (p != null) return p.get();
        StringBuilder b = new StringBuilder(256);
        switch (section) {
            case "server": server(s, b); break;
            case "clients": clients(s, b); break;
            case "stats": stats(s, b); break;
            case "cpu": cpu(b); break;
            case "modules": break;
            case "commandstats": commandstats(s, b); break;
            case "errorstats": errorstats(s, b); break;
            case "latencystats": latencystats(s, b); break;
            case "cluster": f(b, "cluster_enabled", 0); break;
            case "keyspace": keyspace(s, b); break;
            default: return null;
        }
        return b.toString();
    }

    private static void f(StringBuilder b, String name, Object value) {
        b.append(name).append(':').append(value).append("\r\n");
    }

    private static void server(Server s, StringBuilder b) {
        Config c = s.config();
        long now = s.clock().millis();
        long uptime = (now - s.startMillis()) / 1000;
        f(b, "redis_version", "7.0.15");
        f(b, "redis_git_sha1", "00000000");
        f(b, "redis_git_dirty", 0);
        f(b, "redis_build_id", "cinnabar");
        f(b, "redis_mode", "standalone");
        f(b, "os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        f(b, "arch_bits", 64);
        f(b, "monotonic_clock", "POSIX clock_gettime");
        f(b, "multiplexing_api", "epoll");
        f(b, "atomicvar_api", "c11-builtin");
        f(b, "gcc_version", "0.0.0");
        f(b, "process_id", s.log().pid());
        f(b, "process_supervised", "no");
        f(b, "run_id", s.runId());
        f(b, "tcp_port", c.get("port"));
        f(b, "server_time_usec", now * 1000);
        f(b, "uptime_in_seconds", uptime);
        f(b, "uptime_in_days", uptime / 86400);
        f(b, "hz", c.get("hz"));
        f(b, "configured_hz", c.get("hz"));
        f(b, "lru_clock", (now / 1000) & ((1 << 24) - 1));
        f(b, "executable", System.getProperty("user.dir") + "/cinnabar-server");
        f(b, "config_file", c.configFile() == null ? "" : c.configFile().toString());
        f(b, "io_threads_active", 0);
    }

    private static void clients(Server s, StringBuilder b) {
        long maxIn = 0, maxOut = 0;
        int tracking = 0;
        for (ClientConnection c : s.clients().values()) {
            maxOut = Math.max(maxOut, c.outputBytes());
            if (c.has(ClientConnection.TRACKING)) tracking++;
        }
        f(b, "connected_clients", s.clients().size());
        f(b, "cluster_connections", 0);
        f(b, "maxclients", s.config().get("maxclients"));
        f(b, "client_recent_max_input_buffer", maxIn);
        f(b, "client_recent_max_output_buffer", maxOut);
        // Redis counts clients held by CLIENT PAUSE as blocked too (BLOCKED_POSTPONE)
        f(b, "blocked_clients", s.blocking().blockedClients() + s.dispatcher().postponedClients());
        f(b, "tracking_clients", tracking);
        f(b, "clients_in_timeout_table", s.blocking().clientsWithTimeout());
    }

    private static void stats(Server s, StringBuilder b) {
        Stats st = s.stats();
        f(b, "total_connections_received", st.connectionsReceived);
        f(b, "total_commands_processed", st.commandsProcessed);
        f(b, "instantaneous_ops_per_sec", 0);
        f(b, "total_net_input_bytes", st.netInputBytes);
        f(b, "total_net_output_bytes", st.netOutputBytes);
        f(b, "total_net_repl_input_bytes", 0);
        f(b, "total_net_repl_output_bytes", 0);
        f(b, "instantaneous_input_kbps", "0.00");
        f(b, "instantaneous_output_kbps", "0.00");
        f(b, "instantaneous_input_repl_kbps", "0.00");
        f(b, "instantaneous_output_repl_kbps", "0.00");
        f(b, "rejected_connections", st.rejectedConnections);
        f(b, "sync_full", st.syncFull);
        f(b, "sync_partial_ok", st.syncPartialOk);
        f(b, "sync_partial_err", st.syncPartialErr);
        f(b, "expired_keys", st.expiredKeys);
        f(b, "expired_stale_perc", String.format(Locale.ROOT, "%.2f", (double) st.expiredStalePerc));
        f(b, "expired_time_cap_reached_count", 0);
        f(b, "expire_cycle_cpu_milliseconds", st.expireCycleCpuMillis);
        f(b, "evicted_keys", st.evictedKeys);
        f(b, "evicted_clients", st.evictedClients);
        io.cinnabar.memory.Memory mem = s.memory();
        f(b, "total_eviction_exceeded_time", mem == null ? 0 : mem.evictor().totalExceededMillis());
        f(b, "current_eviction_exceeded_time", mem == null ? 0 : mem.evictor().currentExceededMillis());
        f(b, "keyspace_hits", st.keyspaceHits);
        f(b, "keyspace_misses", st.keyspaceMisses);
        f(b, "pubsub_channels", 0);
        f(b, "pubsub_patterns", 0);
        f(b, "pubsubshard_channels", 0);
        f(b, "latest_fork_usec", 0);
        f(b, "total_forks", s.stats().totalForks);
        io.cinnabar.persistence.Persistence p = s.persistence();
        f(b, "migrate_cached_sockets", p == null ? 0 : p.migrateSockets().size());
        f(b, "slave_expires_tracked_keys", 0);
        f(b, "active_defrag_hits", 0);
        f(b, "active_defrag_misses", 0);
        f(b, "active_defrag_key_hits", 0);
        f(b, "active_defrag_key_misses", 0);
        f(b, "total_active_defrag_time", 0);
        f(b, "current_active_defrag_time", 0);
        io.cinnabar.command.ClientSideCaching t = s.tracking();
        f(b, "tracking_total_keys", t == null ? 0 : t.totalKeys());
        f(b, "tracking_total_items", t == null ? 0 : t.totalItems());
        f(b, "tracking_total_prefixes", t == null ? 0 : t.totalPrefixes());
        f(b, "unexpected_error_replies", st.unexpectedErrorReplies);
        f(b, "total_error_replies", st.totalErrorReplies);
        f(b, "dump_payload_sanitizations", 0);
        f(b, "total_reads_processed", st.totalReadsProcessed);
        f(b, "total_writes_processed", st.totalWritesProcessed);
        f(b, "io_threaded_reads_processed", 0);
        f(b, "io_threaded_writes_processed", 0);
        f(b, "reply_buffer_shrinks", 0);
        f(b, "reply_buffer_expands", 0);
        f(b, "client_query_buffer_limit_disconnections", st.clientQueryBufferLimitDisconnections);
        f(b, "client_output_buffer_limit_disconnections", st.clientOutputBufferLimitDisconnections);
    }

    private static void cpu(StringBuilder b) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double total = os.getProcessCpuTime() / 1e9;
        // the JVM reports process CPU time only: shown as user time
        f(b, "used_cpu_sys", String.format(Locale.ROOT, "%.6f", 0.0));
        f(b, "used_cpu_user", String.format(Locale.ROOT, "%.6f", total));
        f(b, "used_cpu_sys_children", "0.000000");
        f(b, "used_cpu_user_children", "0.000000");
        f(b, "used_cpu_sys_main_thread", "0.000000");
        f(b, "used_cpu_user_main_thread", String.format(Locale.ROOT, "%.6f", total));
    }

    private static void commandstats(Server s, StringBuilder b) {
        for (CommandEntry e : s.registry().all()) {
            commandstat(b, e);
            if (e.subcommands() != null) for (CommandEntry sub : e.subcommands().values()) commandstat(b, sub);
        }
    }

    private static void commandstat(StringBuilder b, CommandEntry e) {
        if (e.calls == 0 && e.failedCalls == 0 && e.rejectedCalls == 0) return;
        b.append("cmdstat_").append(e.spec().fullName()).append(":calls=").append(e.calls)
                .append(",usec=").append(e.microseconds)
                .append(",usec_per_call=").append(String.format(Locale.ROOT, "%.2f",
                        e.calls == 0 ? 0.0 : (double) e.microseconds / e.calls))
                .append(",rejected_calls=").append(e.rejectedCalls)
                .append(",failed_calls=").append(e.failedCalls).append("\r\n");
    }

    private static void errorstats(Server s, StringBuilder b) {
        for (Map.Entry<String, Long> e : new java.util.TreeMap<>(s.stats().errors).entrySet()) {
            b.append("errorstat_").append(e.getKey()).append(":count=").append(e.getValue()).append("\r\n");
        }
    }

    private static void latencystats(Server s, StringBuilder b) {
        for (CommandEntry e : s.registry().all()) {
            latencystat(s, b, e);
            if (e.subcommands() != null) for (CommandEntry sub : e.subcommands().values()) latencystat(s, b, sub);
        }
    }

    private static void latencystat(Server s, StringBuilder b, CommandEntry e) {
        long[] h = s.latency().histogram(e);
        if (h == null) return;
        long total = 0;
        for (long x : h) total += x;
        b.append("latency_percentiles_usec_").append(e.spec().fullName()).append(':');
        String[] pcts = s.config().get("latency-tracking-info-percentiles").trim().split("\\s+");
        boolean first = true;
        for (String p : pcts) {
            if (p.isEmpty()) continue;
            double pct = Double.parseDouble(p);
            long want = (long) Math.ceil(total * pct / 100.0);
            long seen = 0;
            int bucket = 0;
            for (int i = 0; i < h.length; i++) {
                seen += h[i];
                bucket = i;
                if (seen >= Math.max(1, want)) break;
            }
            if (!first) b.append(',');
            first = false;
            b.append('p').append(stripZeros(p)).append('=').append(String.format(Locale.ROOT, "%.3f",
                    (double) (1L << bucket)));
        }
        b.append("\r\n");
    }

    private static String stripZeros(String p) {
        double d = Double.parseDouble(p);
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static void keyspace(Server s, StringBuilder b) {
        for (Database db : s.dbs()) {
            if (db.size() == 0) continue;
            b.append("db").append(db.id()).append(":keys=").append(db.size()).append(",expires=")
                    .append(db.expiresSize()).append(",avg_ttl=").append(db.avgTtl()).append("\r\n");
        }
    }
}
