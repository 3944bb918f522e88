package io.cinnabar.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.cinnabar.Cinnabar;
import io.cinnabar.testing.Await;
import io.cinnabar.testing.RespClient;
import org.junit.jupiter.api.Test;

/** CLIENT PAUSE WRITE on a replica holds its master's writes: read (slave_read_repl_offset), not applied. */
class ReplicaPauseTest {
    private static long info(RespClient c, String field) {
        for (String line : c.callText("INFO", "replication").split("\r\n")) {
            if (line.startsWith(field + ":")) return Long.parseLong(line.substring(field.length() + 1));
        }
        throw new AssertionError("no " + field);
    }

    @Test void theMastersWritesWaitForTheEndOfThePause() {
        try (Cinnabar master = Cinnabar.builder().port(0).config("repl-diskless-sync", "no").start();
             Cinnabar replica = Cinnabar.builder().port(0).start();
             RespClient m = new RespClient(master.port()); RespClient r = new RespClient(replica.port())) {
            r.call("REPLICAOF", "127.0.0.1", Integer.toString(master.port()));
            Await.until(() -> r.callText("INFO", "replication").contains("master_link_status:up"), "link up");
            m.call("SET", "foo", "bar");
            Await.until(() -> info(r, "slave_repl_offset") == info(m, "master_repl_offset"), "caught up");
            long applied = info(r, "slave_repl_offset");
            r.call("CLIENT", "PAUSE", "100000", "WRITE");
            m.call("SET", "foo2", "bar2");
            Await.until(() -> info(r, "slave_read_repl_offset") == info(m, "master_repl_offset"), "stream read");
            assertThat(info(r, "slave_repl_offset")).isEqualTo(applied);
            assertThat(r.callText("GET", "foo2")).isEqualTo("$-1\r\n");
            r.call("CLIENT", "UNPAUSE");
            Await.until(() -> info(r, "slave_repl_offset") == info(m, "master_repl_offset"), "applied after the pause");
            assertThat(r.callText("GET", "foo2")).isEqualTo("$4\r\nbar2\r\n");
        }
    }
}
