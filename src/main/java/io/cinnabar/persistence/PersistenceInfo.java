package io.cinnabar.persistence;

import io.cinnabar.server.Server;

/** INFO persistence, with the RDB state this subsystem keeps (Redis 7.0's field names). */
public final class PersistenceInfo {
    private PersistenceInfo() {}

    public static String section(Server s, Persistence p) {
        StringBuilder b = new StringBuilder(1024);
        f(b, "loading", s.loading && !p.loading().async() ? 1 : 0);
        f(b, "async_loading", p.loading().async() ? 1 : 0);
        f(b, "current_cow_peak", 0);
        f(b, "current_cow_size", 0);
        f(b, "current_cow_size_age", 0);
        f(b, "current_fork_perc", "0.00");
        f(b, "current_save_keys_processed", p.currentSaveKeysProcessed());
        f(b, "current_save_keys_total", p.currentSaveKeysTotal());
        f(b, "rdb_changes_since_last_save", s.dirty);
        f(b, "rdb_bgsave_in_progress", p.bgsaveInProgress() ? 1 : 0);
        f(b, "rdb_last_save_time", s.lastSaveMillis / 1000);
        f(b, "rdb_last_bgsave_status", p.lastBgsaveOk() ? "ok" : "err");
        f(b, "rdb_last_bgsave_time_sec", p.lastBgsaveSeconds());
        f(b, "rdb_current_bgsave_time_sec", p.currentBgsaveSeconds());
        f(b, "rdb_saves", p.rdbSaves());
        f(b, "rdb_last_cow_size", 0);
        f(b, "rdb_last_load_keys_expired", p.lastLoadExpired());
        f(b, "rdb_last_load_keys_loaded", p.lastLoadKeys());
        io.cinnabar.persistence.aof.AppendOnlyFile aof = s.aof();
        if (aof != null) {
            aof.info(b);
        } else {
            f(b, "aof_enabled", 0);
            f(b, "aof_rewrite_in_progress", 0);
            f(b, "aof_rewrite_scheduled", 0);
            f(b, "aof_last_rewrite_time_sec", -1);
            f(b, "aof_current_rewrite_time_sec", -1);
            f(b, "aof_last_bgrewrite_status", "ok");
            f(b, "aof_rewrites", 0);
            f(b, "aof_rewrites_consecutive_failures", 0);
            f(b, "aof_last_write_status", "ok");
            f(b, "aof_last_cow_size", 0);
            f(b, "module_fork_in_progress", 0);
            f(b, "module_fork_last_cow_size", 0);
        }
        p.loading().info(b);
        return b.toString();
    }

    static void f(StringBuilder b, String name, Object value) {
        b.append(name).append(':').append(value).append("\r\n");
    }
}
