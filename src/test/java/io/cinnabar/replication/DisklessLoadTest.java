package io.cinnabar.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.cinnabar.Cinnabar;
import io.cinnabar.testing.Await;
import io.cinnabar.testing.RespClient;
import org.junit.jupiter.api.Test;

/**
 * repl-diskless-load swapdb: the replica parses the master's RDB from the socket while it
 * answers LOADING, keeps its old data aside, and gets it back when the transfer breaks (Redis'
 * "diskless loading short read"); a complete transfer then replaces it.
 */
class DisklessLoadTest {
    private static String field(RespClient c, String section, String name) {
        for (String line : c.callText("INFO", section).split("\r\n")) {
            if (line.startsWith(name + ":")) return line.substring(name.length() + 1);
        }
        return null;
    }

    @Test
    void swapdbRestoresTheOldDataAfterAShortReadAndSwapsOnSuccess() {
        try (Cinnabar master = Cinnabar.builder().port(0).config("enable-debug-command", "yes").config("repl-diskless-sync", "yes")
                        .config("repl-diskless-sync-delay", "0").config("rdbcompression", "no").start();
                Cinnabar replica = Cinnabar.builder().port(0).config("enable-debug-command", "yes").config("repl-diskless-load", "swapdb").start();
                RespClient m = new RespClient(master.port());
                RespClient r = new RespClient(replica.port())) {
            m.callText("DEBUG", "POPULATE", "1000", "master", "1000");
            r.callText("DEBUG", "POPULATE", "200", "slave", "10");
            r.callText("SET", "mykey", "myvalue");
            m.callText("FUNCTION", "LOAD", "#!lua name=lib\nredis.register_function{function_name='f', callback=function() return 'master' end, flags={'no-writes'}}");
            r.callText("FUNCTION", "LOAD", "#!lua name=lib\nredis.register_function{function_name='f', callback=function() return 'replica' end, flags={'no-writes'}}");
            // a slow snapshot: the replica is caught in the middle of its load
            m.callText("CONFIG", "SET", "rdb-key-save-delay", "3000");
            r.callText("REPLICAOF", "127.0.0.1", Integer.toString(master.port()));
            Await.until(() -> "1".equals(field(r, "persistence", "loading")), "the replica to load");
            assertThat(field(r, "persistence", "async_loading")).isEqualTo("0");
            assertThat(r.callText("GET", "mykey")).isEqualTo("-LOADING Redis is loading the dataset in memory\r\n");
            assertThat(r.callText("DBSIZE")).startsWith("-LOADING");

            m.callText("CONFIG", "SET", "repl-diskless-sync-delay", "5"); // no new sync right away
            assertThat(m.callText("CLIENT", "KILL", "TYPE", "replica")).isEqualTo(":1\r\n");
            Await.until(() -> "0".equals(field(r, "persistence", "loading")), "the load to fail");
            assertThat(r.callText("GET", "mykey")).isEqualTo("$7\r\nmyvalue\r\n");
            assertThat(r.callText("DBSIZE")).isEqualTo(":201\r\n");
            assertThat(r.callText("FCALL_RO", "f", "0")).isEqualTo("$7\r\nreplica\r\n");

            m.callText("CONFIG", "SET", "rdb-key-save-delay", "0");
            m.callText("CONFIG", "SET", "repl-diskless-sync-delay", "0");
            Await.until(() -> "up".equals(field(r, "replication", "master_link_status")), "the sync to end");
            assertThat(r.callText("GET", "mykey")).isEqualTo("$-1\r\n");
            assertThat(r.callText("DBSIZE")).isEqualTo(":1000\r\n");
            assertThat(r.callText("FCALL_RO", "f", "0")).isEqualTo("$6\r\nmaster\r\n"); // the master's functions
            m.callText("SET", "after", "sync");
            Await.until(() -> r.callText("GET", "after").equals("$4\r\nsync\r\n"), "the stream");
        }
    }
}
