package io.cinnabar.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cinnabar.Cinnabar;
import io.cinnabar.testing.RealRedis;
import io.cinnabar.testing.RespClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our dump.rdb read by Redis' tools and server, and Redis' dump.rdb read by us. */
class RdbInteropTest {
    @TempDir Path dir;

    static void fill(RespClient c) {
        c.call("SET", "plain", "hello");
        c.call("SET", "int", "12345");
        c.call("SET", "neg", "-7");
        c.call("SET", "big", "x".repeat(5000)); // LZF-compressed
        c.call("SET", "ttl", "v", "PX", "1000000");
        c.call("SELECT", "3");
        c.call("SET", "in-db3", "yes");
        c.call("SELECT", "0");
        c.call("HSET", "hsmall", "f1", "v1", "f2", "2");
        for (int i = 0; i < 600; i++) c.call("HSET", "hbig", "field" + i, "value" + i);
        c.call("SADD", "sints", "1", "2", "-70000", "5000000000");
        c.call("SADD", "sstr", "a", "b", "c");
        c.call("RPUSH", "list", "a", "1", "-300", "x".repeat(10_000), "tail");
        for (int i = 0; i < 3000; i++) c.call("RPUSH", "longlist", "element-" + i);
        for (int i = 1; i <= 250; i++) c.call("XADD", "stream", i + "-1", "f", "v" + i, "g", "x");
        c.call("XADD", "stream", "300-1", "other", "fields");
        c.call("XGROUP", "CREATE", "stream", "grp", "0");
        c.call("XDEL", "stream", "5-1"); // entries_read of a group becomes unknown (-1)
        c.call("XREADGROUP", "GROUP", "grp", "alice", "COUNT", "3", "STREAMS", "stream", ">");
        c.call("XGROUP", "CREATE", "stream", "idle", "$");
        c.call("ZADD", "zsmall", "1", "a", "2.5", "b", "-inf", "c", "1e300", "d");
        for (int i = 0; i < 300; i++) c.call("ZADD", "zbig", Double.toString(i * 0.1), "member" + i);
    }

    static void check(RespClient c) {
        assertThat(c.callText("GET", "plain")).isEqualTo("$5\r\nhello\r\n");
        assertThat(c.callText("GET", "int")).isEqualTo("$5\r\n12345\r\n");
        assertThat(c.callText("GET", "neg")).isEqualTo("$2\r\n-7\r\n");
        assertThat(c.callText("STRLEN", "big")).isIn(":5000\r\n", "-ERR unknown command 'STRLEN', with args beginning with: 'big' \r\n");
        assertThat(new String(c.call("GET", "big"))).isEqualTo("$5000\r\n" + "x".repeat(5000) + "\r\n");
        String pttl = c.callText("PTTL", "ttl");
        if (pttl.startsWith(":")) assertThat(Long.parseLong(pttl.substring(1).trim())).isBetween(900_000L, 1_000_000L);
        c.call("SELECT", "3");
        assertThat(c.callText("GET", "in-db3")).isEqualTo("$3\r\nyes\r\n");
        c.call("SELECT", "0");
        assertThat(c.callText("HGET", "hsmall", "f2")).isEqualTo("$1\r\n2\r\n");
        assertThat(c.callText("HLEN", "hbig")).isEqualTo(":600\r\n");
        assertThat(c.callText("HGET", "hbig", "field599")).isEqualTo("$8\r\nvalue599\r\n");
        assertThat(c.callText("SISMEMBER", "sints", "5000000000")).isEqualTo(":1\r\n");
        assertThat(c.callText("SCARD", "sints")).isEqualTo(":4\r\n");
        assertThat(c.callText("SISMEMBER", "sstr", "c")).isEqualTo(":1\r\n");
        assertThat(c.callText("ZSCORE", "zsmall", "b")).isEqualTo("$3\r\n2.5\r\n");
        assertThat(c.callText("ZSCORE", "zsmall", "c")).isEqualTo("$4\r\n-inf\r\n");
        assertThat(c.callText("ZRANGE", "zsmall", "0", "0")).isEqualTo("*1\r\n$1\r\nc\r\n");
        assertThat(c.callText("ZCARD", "zbig")).isEqualTo(":300\r\n");
        assertThat(c.callText("ZSCORE", "zbig", "member299")).isEqualTo(c.callText("ZSCORE", "zbig", "member299"));
        assertThat(c.callText("ZRANK", "zbig", "member150")).isEqualTo(":150\r\n");
        assertThat(c.callText("XLEN", "stream")).isEqualTo(":250\r\n");
        assertThat(c.callText("XRANGE", "stream", "300-1", "+"))
                .isEqualTo("*1\r\n*2\r\n$5\r\n300-1\r\n*2\r\n$5\r\nother\r\n$6\r\nfields\r\n");
        assertThat(c.callText("XRANGE", "stream", "4", "6"))
                .isEqualTo("*2\r\n*2\r\n$3\r\n4-1\r\n*4\r\n$1\r\nf\r\n$2\r\nv4\r\n$1\r\ng\r\n$1\r\nx\r\n"
                        + "*2\r\n$3\r\n6-1\r\n*4\r\n$1\r\nf\r\n$2\r\nv6\r\n$1\r\ng\r\n$1\r\nx\r\n");
        assertThat(c.callText("XPENDING", "stream", "grp"))
                .isEqualTo("*4\r\n:3\r\n$3\r\n1-1\r\n$3\r\n3-1\r\n*1\r\n*2\r\n$5\r\nalice\r\n$1\r\n3\r\n");
        assertThat(c.callText("XINFO", "GROUPS", "stream")).contains("idle").contains("grp");
        assertThat(c.callText("LLEN", "list")).isEqualTo(":5\r\n");
        assertThat(c.callText("LINDEX", "list", "2")).isEqualTo("$4\r\n-300\r\n");
        assertThat(c.callText("LINDEX", "list", "4")).isEqualTo("$4\r\ntail\r\n");
        assertThat(c.callText("STRLEN", "list")).startsWith("-WRONGTYPE");
        assertThat(c.callText("LINDEX", "longlist", "2999")).isEqualTo("$12\r\nelement-2999\r\n");
        assertThat(c.callText("OBJECT", "ENCODING", "hbig")).isIn("$9\r\nhashtable\r\n",
                "-ERR unknown command 'OBJECT', with args beginning with: 'ENCODING' 'hbig' \r\n");
    }

    @Test void redisLoadsOurDumpAndCheckRdbAcceptsIt() throws Exception {
        assumeTrue(RealRedis.available());
        try (Cinnabar ours = Cinnabar.builder().port(0).config("dir", dir.toString()).start();
             RespClient c = new RespClient(ours.port())) {
            fill(c);
            assertThat(c.callText("SAVE")).isEqualTo("+OK\r\n");
        }
        Path rdb = dir.resolve("dump.rdb");
        assertThat(rdb).exists();
        Process check = new ProcessBuilder("redis-check-rdb", rdb.toString()).redirectErrorStream(true).start();
        String report = new String(check.getInputStream().readAllBytes());
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(report).contains("RDB looks OK");
        try (RealRedis redis = RealRedis.start("--dir", dir.toString(), "--dbfilename", "dump.rdb");
             RespClient c = new RespClient(redis.port())) {
            check(c);
        }
    }

    @Test void weLoadRedisDump() throws Exception {
        assumeTrue(RealRedis.available());
        try (RealRedis redis = RealRedis.start("--dir", dir.toString());
             RespClient c = new RespClient(redis.port())) {
            fill(c);
            assertThat(c.callText("SAVE")).isEqualTo("+OK\r\n");
        }
        try (Cinnabar ours = Cinnabar.builder().port(0).config("dir", dir.toString()).start();
             RespClient c = new RespClient(ours.port())) {
            check(c);
        }
    }

    @Test void bgsaveThenRestartKeepsData() throws Exception {
        try (Cinnabar ours = Cinnabar.builder().port(0).config("dir", dir.toString()).start();
             RespClient c = new RespClient(ours.port())) {
            for (int i = 0; i < 2000; i++) c.call("SET", "k" + i, "v" + i);
            assertThat(c.callText("BGSAVE")).isEqualTo("+Background saving started\r\n");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (ours.call(() -> ((Persistence) ours.server().persistence()).bgsaveInProgress())) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(10);
            }
        }
        try (Cinnabar ours = Cinnabar.builder().port(0).config("dir", dir.toString()).start();
             RespClient c = new RespClient(ours.port())) {
            assertThat(c.callText("GET", "k1999")).isEqualTo("$5\r\nv1999\r\n");
        }
    }

    @Test void corruptFileIsRefused() throws IOException {
        Files.write(dir.resolve("dump.rdb"), "REDIS0010garbage".getBytes());
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> Cinnabar.builder().port(0).config("dir", dir.toString()).start())
                .hasStackTraceContaining("dump.rdb");
    }
}
