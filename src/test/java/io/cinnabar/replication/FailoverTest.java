package io.cinnabar.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.cinnabar.Cinnabar;
import io.cinnabar.testing.Await;
import io.cinnabar.testing.RespClient;
import org.junit.jupiter.api.Test;

/** FAILOVER between Cinnabar servers: roles swap with partial resyncs, and no write is lost. */
class FailoverTest {
    private static Cinnabar server() {
        return Cinnabar.builder().port(0).config("enable-debug-command", "yes").config("repl-diskless-sync", "no").start();
    }

    private static String info(RespClient c, String field) {
        for (String line : c.callText("INFO", "all").split("\r\n")) {
            if (line.startsWith(field + ":")) return line.substring(field.length() + 1);
        }
        return null;
    }

    private static void replicate(RespClient replica, Cinnabar master) {
        replica.call("REPLICAOF", "127.0.0.1", Integer.toString(master.port()));
        Await.until(() -> "up".equals(info(replica, "master_link_status")), "link up");
    }

    @Test void argumentsAndStatesAreCheckedAsRedis() {
        try (Cinnabar a = server(); Cinnabar b = server(); RespClient m = new RespClient(a.port());
             RespClient r = new RespClient(b.port())) {
            assertThat(m.callText("FAILOVER")).isEqualTo("-ERR FAILOVER requires connected replicas.\r\n");
            assertThat(m.callText("FAILOVER", "ABORT")).isEqualTo("-ERR No failover in progress.\r\n");
            replicate(r, a);
            assertThat(m.callText("FAILOVER", "TO", "127.0.0.1", "x")).isEqualTo("-ERR value is not an integer or out of range\r\n");
            assertThat(m.callText("FAILOVER", "TO", "nohost", Integer.toString(b.port())))
                    .isEqualTo("-ERR FAILOVER target HOST and PORT is not a replica.\r\n");
            assertThat(m.callText("FAILOVER", "FORCE", "TIMEOUT", "100"))
                    .isEqualTo("-ERR FAILOVER with force option requires both a timeout and target HOST and IP.\r\n");
            assertThat(m.callText("FAILOVER", "TIMEOUT", "0")).isEqualTo("-ERR FAILOVER timeout must be greater than 0\r\n");
            assertThat(m.callText("FAILOVER", "FORCE", "FORCE")).isEqualTo("-ERR syntax error\r\n");
            assertThat(r.callText("FAILOVER")).isEqualTo("-ERR FAILOVER is not valid when server is a replica.\r\n");
            r.call("REPLICAOF", "NO", "ONE");
            Await.until(() -> "0".equals(info(m, "connected_slaves")), "replica gone");
            // a replica that never acknowledges: the failover waits, holding writes but not reads
            try (RespClient fake = new RespClient(a.port()); RespClient writer = new RespClient(a.port())) {
                fake.call("REPLCONF", "listening-port", "12345");
                fake.send(RespClient.encode(RespClient.args("PSYNC", "?", "-1")));
                Await.until(() -> info(m, "slave0") != null && info(m, "slave0").contains("state=online"), "fake replica online");
                m.call("SET", "k", "v");
                assertThat(m.callText("FAILOVER", "TO", "127.0.0.1", "12345", "TIMEOUT", "60000")).isEqualTo("+OK\r\n");
                assertThat(info(m, "master_failover_state")).isEqualTo("waiting-for-sync");
                assertThat(m.callText("GET", "k")).isEqualTo("$1\r\nv\r\n");
                writer.send(RespClient.encode(RespClient.args("SET", "k", "w")));
                assertThat(m.callText("REPLICAOF", "NO", "ONE")).isEqualTo("-ERR REPLICAOF not allowed while failing over.\r\n");
                assertThat(m.callText("FAILOVER")).isEqualTo("-ERR FAILOVER already in progress.\r\n");
                assertThat(m.callText("GET", "k")).isEqualTo("$1\r\nv\r\n"); // the SET is held
                assertThat(m.callText("FAILOVER", "ABORT")).isEqualTo("+OK\r\n");
                assertThat(info(m, "master_failover_state")).isEqualTo("no-failover");
                assertThat(writer.readText()).isEqualTo("+OK\r\n"); // released by the abort
                assertThat(m.callText("GET", "k")).isEqualTo("$1\r\nw\r\n");
            }
        }
    }

    @Test void failoverToAReplicaSwapsRolesWithPartialResyncs() {
        try (Cinnabar a = server(); Cinnabar b = server(); Cinnabar c = server();
             RespClient ca = new RespClient(a.port()); RespClient cb = new RespClient(b.port());
             RespClient cc = new RespClient(c.port())) {
            replicate(cb, a);
            replicate(cc, a);
            for (int i = 0; i < 200; i++) ca.call("SET", "k" + i, "v" + i);
            ca.call("RPUSH", "list", "a", "b", "c");
            // once failed over, the old master refuses writes as any replica
            try (RespClient writer = new RespClient(a.port())) {
                assertThat(ca.callText("FAILOVER", "TO", "127.0.0.1", Integer.toString(b.port()))).isEqualTo("+OK\r\n");
                Await.until(() -> "no-failover".equals(info(ca, "master_failover_state")), "failover done");
                assertThat(info(ca, "role")).isEqualTo("slave");
                assertThat(info(cb, "role")).isEqualTo("master");
                assertThat(writer.callText("SET", "late", "x")).startsWith("-READONLY");
            }
            assertThat(info(cb, "sync_partial_ok")).isEqualTo("1");
            assertThat(info(cb, "sync_full")).isEqualTo("0");
            cc.call("REPLICAOF", "127.0.0.1", Integer.toString(b.port()));
            cb.call("SET", "after", "failover");
            Await.until(() -> "$8\r\nfailover\r\n".equals(ca.callText("GET", "after"))
                    && "$8\r\nfailover\r\n".equals(cc.callText("GET", "after")), "new master's write on both replicas");
            assertThat(info(cb, "sync_partial_ok")).isEqualTo("2");
            assertThat(info(cb, "sync_full")).isEqualTo("0");
            String digest = cb.callText("DEBUG", "DIGEST");
            assertThat(ca.callText("DEBUG", "DIGEST")).isEqualTo(digest);
            assertThat(cc.callText("DEBUG", "DIGEST")).isEqualTo(digest);
        }
    }
}
