package io.cinnabar.persistence.aof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cinnabar.Cinnabar;
import io.cinnabar.testing.RespClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Embedded servers: rewrites under writes, restarts, truncated and corrupt files. */
class AppendOnlyFileTest {
    @TempDir Path dir;

    private Cinnabar start(String... config) {
        Cinnabar.Builder b = Cinnabar.builder().port(0).config("dir", dir.toString()).config("appendonly", "yes")
                .config("enable-debug-command", "yes");
        for (int i = 0; i < config.length; i += 2) b.config(config[i], config[i + 1]);
        return b.start();
    }

    private static void awaitRewrite(RespClient c) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!c.callText("INFO", "persistence").contains("aof_rewrite_in_progress:0")) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** Writes keep coming while the base is written: base + incr must still be exactly the dataset. */
    @ParameterizedTest @ValueSource(strings = {"yes", "no"})
    void rewriteUnderWritesThenRestartKeepsEveryKey(String preamble) throws Exception {
        String digest;
        try (Cinnabar s = start("aof-use-rdb-preamble", preamble); RespClient c = new RespClient(s.port())) {
            for (int i = 0; i < 3000; i++) c.call("SET", "k" + i, "v" + i);
            c.call("HSET", "h", "a", "1", "b", "2");
            c.call("ZADD", "z", "1.5", "x", "-2", "y");
            c.call("XADD", "s", "1-1", "f", "v");
            c.call("XGROUP", "CREATE", "s", "g", "0");
            c.call("XREADGROUP", "GROUP", "g", "alice", "STREAMS", "s", ">");
            assertThat(c.callText("BGREWRITEAOF")).isEqualTo("+Background append only file rewriting started\r\n");
            for (int i = 0; i < 3000; i += 3) { // old values changed, keys deleted and added during the walk
                c.call("SET", "k" + i, "new" + i);
                c.call("DEL", "k" + (i + 1));
                c.call("RPUSH", "l" + (i % 7), "e" + i);
            }
            awaitRewrite(c);
            assertThat(c.callText("INFO", "persistence")).contains("aof_last_bgrewrite_status:ok");
            c.call("SET", "after", "1");
            digest = c.callText("DEBUG", "DIGEST");
            assertThat(c.callText("DEBUG", "LOADAOF")).isEqualTo("+OK\r\n");
            assertThat(c.callText("DEBUG", "DIGEST")).isEqualTo(digest);
        }
        assertThat(Files.readString(dir.resolve("appendonlydir/appendonly.aof.manifest"))).isEqualTo(
                "file appendonly.aof.2.base." + (preamble.equals("yes") ? "rdb" : "aof")
                        + " seq 2 type b\nfile appendonly.aof.2.incr.aof seq 2 type i\n");
        try (Cinnabar s = start(); RespClient c = new RespClient(s.port())) {
            assertThat(c.callText("DEBUG", "DIGEST")).isEqualTo(digest);
            assertThat(c.callText("GET", "k3")).isEqualTo("$4\r\nnew3\r\n");
            assertThat(c.callText("EXISTS", "k4")).isEqualTo(":0\r\n");
        }
    }

    /** PUBLISH goes to replicas only (PROPAGATE_REPL): the AOF keeps the writes around it, and the db they ran in. */
    @Test void publishIsNotKept() throws Exception {
        try (Cinnabar s = start("appendfsync", "always"); RespClient c = new RespClient(s.port())) {
            c.call("SET", "a", "1");
            c.call("SELECT", "3");
            c.call("PUBLISH", "ch", "hello");
            c.call("SET", "b", "2");
            c.call("MULTI");
            c.call("PUBLISH", "ch", "again");
            c.call("SET", "c", "3");
            c.call("EXEC");
        }
        String aof = Files.readString(dir.resolve("appendonlydir/appendonly.aof.1.incr.aof"));
        assertThat(aof).doesNotContain("PUBLISH").contains("$1\r\nb\r\n");
        try (Cinnabar s = start(); RespClient c = new RespClient(s.port())) {
            c.call("SELECT", "3");
            assertThat(c.callText("MGET", "b", "c")).isEqualTo("*2\r\n$1\r\n2\r\n$1\r\n3\r\n");
        }
    }

    @Test void truncatedTailIsCutOrRefused() throws Exception {
        try (Cinnabar s = start(); RespClient c = new RespClient(s.port())) {
            c.call("SET", "a", "1");
            c.call("SET", "b", "2");
        }
        Path incr = dir.resolve("appendonlydir/appendonly.aof.1.incr.aof");
        byte[] whole = Files.readAllBytes(incr);
        Files.write(incr, java.util.Arrays.copyOf(whole, whole.length - 3));
        assertThatThrownBy(() -> start("aof-load-truncated", "no")).hasStackTraceContaining("AofException");
        try (Cinnabar s = start(); RespClient c = new RespClient(s.port())) {
            assertThat(c.callText("GET", "a")).isEqualTo("$1\r\n1\r\n");
            assertThat(c.callText("EXISTS", "b")).isEqualTo(":0\r\n");
        }
        Files.writeString(incr, "*1\r\n$5\r\nhello\r\n!!!");
        assertThatThrownBy(this::start).hasStackTraceContaining("AofException");
    }

    @Test void turningAofOnAtRuntimeWritesABaseFirst() throws Exception {
        try (Cinnabar s = Cinnabar.builder().port(0).config("dir", dir.toString()).start();
             RespClient c = new RespClient(s.port())) {
            c.call("SET", "before", "1");
            assertThat(c.callText("CONFIG", "SET", "appendonly", "yes")).isEqualTo("+OK\r\n");
            c.call("SET", "during", "2");
            awaitRewrite(c);
            c.call("SET", "after", "3");
        }
        try (Cinnabar s = start(); RespClient c = new RespClient(s.port())) {
            assertThat(c.callText("MGET", "before", "during", "after"))
                    .isEqualTo("*3\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n");
        }
    }
}
