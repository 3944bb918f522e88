package io.cinnabar.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.cinnabar.Cinnabar;
import io.cinnabar.testing.Await;
import io.cinnabar.testing.RespClient;
import io.cinnabar.time.ManualClock;
import org.junit.jupiter.api.Test;

/** Keys a replica sees expired: hidden from its clients, live for its master, replaced by a local write. */
class ReplicaExpiryTest {
    private static void follow(RespClient replica, Cinnabar master) {
        replica.call("REPLICAOF", "127.0.0.1", Integer.toString(master.port()));
        Await.until(() -> replica.callText("INFO", "replication").contains("master_link_status:up"), "link up");
    }

    @Test void theMastersCommandsSeeKeysTheReplicaConsidersExpired() {
        ManualClock replicaClock = new ManualClock(System.currentTimeMillis());
        try (Cinnabar master = Cinnabar.builder().port(0).config("repl-diskless-sync", "no").start();
             Cinnabar replica = Cinnabar.builder().port(0).clock(replicaClock).start();
             RespClient m = new RespClient(master.port()); RespClient r = new RespClient(replica.port())) {
            follow(r, master);
            replicaClock.advance(3_600_000); // the replica's clock runs an hour ahead
            m.call("SET", "k", "5", "EX", "100");
            m.call("INCR", "k");
            m.call("PERSIST", "k");
            m.call("SET", "done", "1");
            Await.until(() -> r.callText("GET", "done").equals("$1\r\n1\r\n"), "stream applied");
            assertThat(r.callText("GET", "k")).isEqualTo("$1\r\n6\r\n");
            assertThat(r.callText("DBSIZE")).isEqualTo(":2\r\n");
        }
    }

    @Test void aWriteOnAWritableReplicaReplacesTheExpiredKey() {
        try (Cinnabar master = Cinnabar.builder().port(0).config("repl-diskless-sync", "no")
                .config("enable-debug-command", "yes").start();
             Cinnabar replica = Cinnabar.builder().port(0).config("enable-debug-command", "yes").start();
             RespClient m = new RespClient(master.port()); RespClient r = new RespClient(replica.port())) {
            follow(r, master);
            m.call("DEBUG", "SET-ACTIVE-EXPIRE", "0");
            m.call("SET", "key1", "5", "PX", "10");
            m.call("SET", "key2", "5", "PX", "10");
            Await.until(() -> r.callText("DBSIZE").equals(":2\r\n") && r.callText("EXISTS", "key1", "key2").equals(":0\r\n"),
                    "keys replicated and expired");
            assertThat(r.callText("DEBUG", "OBJECT", "key2")).startsWith("+Value at:"); // hidden, still there
            r.call("CONFIG", "SET", "replica-read-only", "no");
            assertThat(r.callText("INCR", "key1")).isEqualTo(":1\r\n");
            assertThat(r.callText("TTL", "key1")).isEqualTo(":-1\r\n");
            assertThat(r.callText("GET", "key2")).isEqualTo("$-1\r\n");
            assertThat(r.callText("DBSIZE")).isEqualTo(":2\r\n");
            assertThat(r.callText("INFO", "keyspace")).contains("db0:keys=2,expires=1,");
        }
    }
}
