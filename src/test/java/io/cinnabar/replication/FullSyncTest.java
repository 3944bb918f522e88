package io.cinnabar.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.cinnabar.Cinnabar;
import io.cinnabar.testing.Await;
import io.cinnabar.testing.RespClient;
import org.junit.jupiter.api.Test;

/** Full resynchronizations from a Cinnabar master to Cinnabar replicas. */
class FullSyncTest {
    private static String info(RespClient c, String field) {
        for (String line : c.callText("INFO", "all").split("\r\n")) {
            if (line.startsWith(field + ":")) return line.substring(field.length() + 1);
        }
        return null;
    }

    /** A replica arriving while a disk-target snapshot runs for another shares it instead of waiting for the next. */
    @Test void aLateReplicaJoinsTheRunningSnapshot() {
        try (Cinnabar master = Cinnabar.builder().port(0).config("repl-diskless-sync", "no")
                .config("enable-debug-command", "yes").start();
             Cinnabar a = Cinnabar.builder().port(0).config("enable-debug-command", "yes").start();
             Cinnabar b = Cinnabar.builder().port(0).config("enable-debug-command", "yes").start();
             RespClient m = new RespClient(master.port()); RespClient ca = new RespClient(a.port());
             RespClient cb = new RespClient(b.port())) {
            m.call("DEBUG", "POPULATE", "1000");
            m.call("CONFIG", "SET", "rdb-key-save-delay", "3000"); // ~3 s of snapshot
            String port = Integer.toString(master.port());
            ca.call("REPLICAOF", "127.0.0.1", port);
            Await.until(() -> "1".equals(info(m, "rdb_bgsave_in_progress")), "snapshot for the first replica");
            m.call("SET", "during", "1"); // held for the first replica: the second must get it too
            cb.call("REPLICAOF", "127.0.0.1", port);
            Await.until(() -> info(m, "slave1") != null, "second replica attached");
            assertThat(info(m, "slave0")).contains("state=wait_bgsave");
            Await.until(() -> "up".equals(info(ca, "master_link_status")) && "up".equals(info(cb, "master_link_status")),
                    "both replicas up");
            assertThat(info(m, "total_forks")).isEqualTo("1");
            assertThat(info(m, "sync_full")).isEqualTo("2");
            m.call("SET", "after", "2");
            String digest = m.callText("DEBUG", "DIGEST");
            Await.until(() -> ca.callText("DEBUG", "DIGEST").equals(digest) && cb.callText("DEBUG", "DIGEST").equals(digest),
                    "same data on both replicas");
            assertThat(cb.callText("GET", "during")).isEqualTo("$1\r\n1\r\n");
        }
    }

    /** The stand-in child of a full sync's snapshot: killing it aborts the transfer, and the replica syncs again. */
    @Test void killingTheSnapshotChildAbortsTheTransfer() {
        try (Cinnabar master = Cinnabar.builder().port(0).config("repl-diskless-sync", "yes")
                .config("repl-diskless-sync-delay", "0").config("enable-debug-command", "yes").start();
             Cinnabar replica = Cinnabar.builder().port(0).start();
             RespClient m = new RespClient(master.port()); RespClient r = new RespClient(replica.port())) {
            m.call("DEBUG", "POPULATE", "1000");
            m.call("CONFIG", "SET", "rdb-key-save-delay", "100000"); // 100 s: only the kill ends it
            r.call("REPLICAOF", "127.0.0.1", Integer.toString(master.port()));
            Await.until(() -> "1".equals(info(m, "rdb_bgsave_in_progress")), "snapshot started");
            ProcessHandle child = ProcessHandle.current().children()
                    .filter(h -> h.info().command().map(c -> c.endsWith("cat")).orElse(false)).findFirst().orElseThrow();
            child.destroyForcibly();
            Await.until(() -> "0".equals(info(m, "rdb_bgsave_in_progress")) || "2".equals(info(m, "sync_full")),
                    "transfer aborted");
            m.call("CONFIG", "SET", "rdb-key-save-delay", "0");
            Await.until(() -> "up".equals(info(r, "master_link_status")), "replica synced again");
            assertThat(Long.parseLong(info(m, "sync_full"))).isGreaterThanOrEqualTo(2);
            assertThat(r.callText("DBSIZE")).isEqualTo(":1000\r\n");
        }
    }

    /** With no save point, a disk-target snapshot nobody waits for any more is stopped. */
    @Test void aSnapshotNoReplicaWaitsForIsStopped() {
        try (Cinnabar master = Cinnabar.builder().port(0).config("repl-diskless-sync", "no").config("save", "")
                .config("enable-debug-command", "yes").start();
             Cinnabar replica = Cinnabar.builder().port(0).start();
             RespClient m = new RespClient(master.port()); RespClient r = new RespClient(replica.port())) {
            m.call("DEBUG", "POPULATE", "100");
            m.call("CONFIG", "SET", "rdb-key-save-delay", "1000000"); // 100 s
            r.call("REPLICAOF", "127.0.0.1", Integer.toString(master.port()));
            Await.until(() -> "1".equals(info(m, "rdb_bgsave_in_progress")) && info(m, "slave0") != null, "snapshot started");
            r.call("REPLICAOF", "NO", "ONE");
            Await.until(() -> "0".equals(info(m, "rdb_bgsave_in_progress")), "snapshot stopped");
        }
    }
}
