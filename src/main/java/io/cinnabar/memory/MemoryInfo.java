package io.cinnabar.memory;

import io.cinnabar.resp.RespOut;
import io.cinnabar.server.Server;
import io.cinnabar.store.Database;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * INFO memory and MEMORY STATS / DOCTOR, with Redis 7.0's field names and our accounting's figures:
 * used_memory is {@link UsedMemory#used()}; the "allocator" figures are the JVM heap's (used and
 * committed) and the process RSS.
 */
public final class MemoryInfo {
    private MemoryInfo() {}

    /** The parts MEMORY STATS and INFO share. */
    private record Figures(long used, long peak, long rss, long clientsNormal, long clientsReplicas,
            long overhead, long dataset, long keys) {}

    private static Figures figures(Server s, Memory m) {
        UsedMemory u = m.used();
        long[] clients = u.clients();
        long data = u.dataset();
        long used = UsedMemory.STARTUP + data + clients[0] + clients[1];
        m.cron();
        long overhead = UsedMemory.STARTUP + clients[0] + clients[1];
        long keys = 0;
        for (Database db : s.dbs()) {
            overhead += UsedMemory.keyOverhead(db) + UsedMemory.expiresOverhead(db);
            keys += db.size();
        }
        return new Figures(used, Math.max(u.peak(), used), UsedMemory.rss(), clients[0], clients[1], overhead,
                used - overhead, keys);
    }

    static String human(long n) {
        if (n < 1024) return n + "B";
        String[] units = {"K", "M", "G", "T", "P", "E"};
        double d = n;
        int i = -1;
        while (d >= 1024 && i < units.length - 1) {
            d /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, "%.2f%s", d, units[i]);
    }

    private static String pct(double part, double whole) {
        return String.format(Locale.ROOT, "%.2f%%", whole == 0 ? 0 : part * 100 / whole);
    }

    private static String ratio(double a, double b) {
        return String.format(Locale.ROOT, "%.2f", b == 0 ? 0 : a / b);
    }

    private static void f(StringBuilder b, String name, Object value) {
        b.append(name).append(':').append(value).append("\r\n");
    }

    static String section(Server s, Memory m) {
        Figures x = figures(s, m);
        Runtime rt = Runtime.getRuntime();
        long heapUsed = rt.totalMemory() - rt.freeMemory();
        long heapCommitted = rt.totalMemory();
        long max = s.config().getLong("maxmemory");
        long total = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        StringBuilder b = new StringBuilder(2048);
        f(b, "used_memory", x.used);
        f(b, "used_memory_human", human(x.used));
        f(b, "used_memory_rss", x.rss);
        f(b, "used_memory_rss_human", human(x.rss));
        f(b, "used_memory_peak", x.peak);
        f(b, "used_memory_peak_human", human(x.peak));
        f(b, "used_memory_peak_perc", pct(x.used, x.peak));
        f(b, "used_memory_overhead", x.overhead);
        f(b, "used_memory_startup", UsedMemory.STARTUP);
        f(b, "used_memory_dataset", x.dataset);
        f(b, "used_memory_dataset_perc", pct(x.dataset, x.used - UsedMemory.STARTUP));
        f(b, "allocator_allocated", heapUsed);
        f(b, "allocator_active", heapCommitted);
        f(b, "allocator_resident", x.rss);
        f(b, "total_system_memory", total);
        f(b, "total_system_memory_human", human(total));
        f(b, "used_memory_lua", 31744);
        f(b, "used_memory_vm_eval", 31744);
        f(b, "used_memory_lua_human", "31.00K");
        f(b, "used_memory_scripts_eval", 0);
        f(b, "number_of_cached_scripts", 0);
        f(b, "number_of_functions", 0);
        f(b, "number_of_libraries", 0);
        f(b, "used_memory_vm_functions", 32768);
        f(b, "used_memory_vm_total", 64512);
        f(b, "used_memory_vm_total_human", "63.00K");
        f(b, "used_memory_functions", 184);
        f(b, "used_memory_scripts", 184);
        f(b, "used_memory_scripts_human", "184B");
        f(b, "maxmemory", max);
        f(b, "maxmemory_human", human(max));
        f(b, "maxmemory_policy", s.config().get("maxmemory-policy"));
        f(b, "allocator_frag_ratio", ratio(heapCommitted, heapUsed));
        f(b, "allocator_frag_bytes", heapCommitted - heapUsed);
        f(b, "allocator_rss_ratio", ratio(x.rss, heapCommitted));
        f(b, "allocator_rss_bytes", x.rss - heapCommitted);
        f(b, "rss_overhead_ratio", ratio(x.rss, x.rss));
        f(b, "rss_overhead_bytes", 0);
        f(b, "mem_fragmentation_ratio", ratio(x.rss, x.used));
        f(b, "mem_fragmentation_bytes", x.rss - x.used);
        f(b, "mem_not_counted_for_evict", x.clientsReplicas);
        f(b, "mem_replication_backlog", 0);
        f(b, "mem_total_replication_buffers", x.clientsReplicas);
        f(b, "mem_clients_slaves", x.clientsReplicas);
        f(b, "mem_clients_normal", x.clientsNormal);
        f(b, "mem_cluster_links", 0);
        f(b, "mem_aof_buffer", 0);
        f(b, "mem_allocator", "jvm");
        f(b, "active_defrag_running", 0);
        f(b, "lazyfree_pending_objects", 0);
        f(b, "lazyfreed_objects", s.stats().lazyfreedObjects);
        return b.toString();
    }

    /** MEMORY STATS (memoryCommand "stats"): the same figures as a map. */
    public static void stats(Server s, RespOut out) {
        Memory m = s.memory();
        Figures x = figures(s, m);
        int dbsWithKeys = 0;
        for (Database db : s.dbs()) if (db.size() > 0) dbsWithKeys++;
        out.mapHeader(27 + dbsWithKeys);
        kv(out, "peak.allocated", x.peak);
        kv(out, "total.allocated", x.used);
        kv(out, "startup.allocated", UsedMemory.STARTUP);
        kv(out, "replication.backlog", 0);
        kv(out, "clients.slaves", x.clientsReplicas);
        kv(out, "clients.normal", x.clientsNormal);
        kv(out, "cluster.links", 0);
        kv(out, "aof.buffer", 0);
        kv(out, "lua.caches", 0);
        kv(out, "functions.caches", 184);
        kv(out, "overhead.total", x.overhead);
        for (Database db : s.dbs()) {
            if (db.size() == 0) continue;
            out.bulk("db." + db.id());
            out.mapHeader(2);
            kv(out, "overhead.hashtable.main", UsedMemory.keyOverhead(db));
            kv(out, "overhead.hashtable.expires", UsedMemory.expiresOverhead(db));
        }
        kv(out, "keys.count", x.keys);
        kv(out, "keys.bytes-per-key", x.keys == 0 ? 0 : (x.used - UsedMemory.STARTUP) / x.keys);
        kv(out, "dataset.bytes", x.dataset);
        dv(out, "dataset.percentage", x.used == UsedMemory.STARTUP ? 0
                : x.dataset * 100.0 / (x.used - UsedMemory.STARTUP));
        dv(out, "peak.percentage", x.used * 100.0 / x.peak);
        Runtime rt = Runtime.getRuntime();
        long heapUsed = rt.totalMemory() - rt.freeMemory();
        long heapCommitted = rt.totalMemory();
        kv(out, "allocator.allocated", heapUsed);
        kv(out, "allocator.active", heapCommitted);
        kv(out, "allocator.resident", x.rss);
        dv(out, "allocator-fragmentation.ratio", (double) heapCommitted / Math.max(1, heapUsed));
        kv(out, "allocator-fragmentation.bytes", heapCommitted - heapUsed);
        dv(out, "allocator-rss.ratio", (double) x.rss / Math.max(1, heapCommitted));
        kv(out, "allocator-rss.bytes", x.rss - heapCommitted);
        dv(out, "rss-overhead.ratio", 1.0);
        kv(out, "rss-overhead.bytes", 0);
        dv(out, "fragmentation", (double) x.rss / Math.max(1, x.used));
        kv(out, "fragmentation.bytes", x.rss - x.used);
    }

    private static void kv(RespOut out, String k, long v) {
        out.bulk(k);
        out.integer(v);
    }

    private static void dv(RespOut out, String k, double v) {
        out.bulk(k);
        out.doubleValue(v);
    }

    /**
     * MEMORY DOCTOR (getMemoryDoctorReport): Redis' empty-instance answer under 5 MB, otherwise its
     * checks that mean something here (peak far above current, big client buffers).
     */
    public static String doctor(Server s) {
        Memory m = s.memory();
        Figures x = figures(s, m);
        if (x.used < 1024 * 1024 * 5) {
            return "Hi Sam, this instance is empty or is using very little memory, my issues detector can't be used "
                    + "in these conditions. Please, leave for your mission on Earth and fill it with some data. The "
                    + "new Sam and I will be back to our programming as soon as I finished rebooting.";
        }
        StringBuilder issues = new StringBuilder();
        if (x.peak / 2 > x.used) {
            issues.append(" * Peak memory: In the past this instance used more than 150% the memory that is "
                    + "currently using. The allocator is normally not able to release memory after a peak, so you "
                    + "can expect to see a big fragmentation ratio, however this is actually harmless and is only "
                    + "due to the memory peak, and if the Redis instance Resident Set Size (RSS) is currently bigger "
                    + "than expected, the memory will be used as soon as you fill the Redis instance with more data. "
                    + "If the memory peak was only occasional and you want to try to reclaim memory, please try the "
                    + "MEMORY PURGE command, otherwise the only other option is to shutdown and restart the "
                    + "instance.\n\n");
        }
        int clients = Math.max(1, s.clients().size());
        if (x.clientsNormal / clients > 1024 * 200) {
            issues.append(" * Big client buffers: The clients output buffers are in general big. Maybe some "
                    + "client is not reading replies fast enough.\n\n");
        }
        if (issues.length() == 0) {
            return "Hi Sam, I can't find any memory issue in your instance. I can only account for what occurs "
                    + "on this base.";
        }
        return "Sam, I detected a few issues in this Redis instance memory implants:\n\n" + issues
                + "I'm here to keep you safe, Sam. I want to help you.\n";
    }
}
