package io.cinnabar.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cinnabar.Cinnabar;
import io.cinnabar.testing.RealRedis;
import io.cinnabar.testing.RespClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our multi-part AOF directory checked by redis-check-aof and loaded by redis-server 7.0, and
 * redis-server's AOF directory loaded by us, with an RDB base (aof-use-rdb-preamble yes) and with
 * a base of commands (no). Each side writes a base by BGREWRITEAOF, then more in the INCR file.
 */
class AofInteropTest {
    @TempDir Path dir;

    /** Writes after the rewrite land in the INCR file only. */
    private static void fillIncr(RespClient c) {
        c.call("SET", "after-rewrite", "1");
        c.call("INCR", "after-rewrite");
        c.call("SELECT", "5");
        c.call("RPUSH", "incr-list", "x", "y");
        c.call("SELECT", "0");
        c.call("DEL", "neg");
        c.call("SET", "neg", "-7");
        c.call("EXPIRE", "plain", "100000");
    }

    private static void checkIncr(RespClient c) {
        assertThat(c.callText("GET", "after-rewrite")).isEqualTo("$1\r\n2\r\n");
        assertThat(Long.parseLong(c.callText("TTL", "plain").substring(1).trim())).isBetween(99_000L, 100_000L);
        c.call("SELECT", "5");
        assertThat(c.callText("LRANGE", "incr-list", "0", "-1")).isEqualTo("*2\r\n$1\r\nx\r\n$1\r\ny\r\n");
        c.call("SELECT", "0");
    }

    private static void rewriteAndWait(RespClient c) throws InterruptedException {
        assertThat(c.callText("BGREWRITEAOF")).startsWith("+Background append only file rewriting");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!c.callText("INFO", "persistence").contains("aof_rewrite_in_progress:0")
                || c.callText("INFO", "persistence").contains("aof_rewrite_scheduled:1")) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @ParameterizedTest @ValueSource(strings = {"yes", "no"})
    void redisCheckAofAndRedisServerAcceptOurAof(String preamble) throws Exception {
        assumeTrue(RealRedis.available());
        try (Cinnabar ours = Cinnabar.builder().port(0).config("dir", dir.toString()).config("appendonly", "yes")
                .config("aof-use-rdb-preamble", preamble).start();
             RespClient c = new RespClient(ours.port())) {
            RdbInteropTest.fill(c);
            rewriteAndWait(c);
            fillIncr(c);
        }
        Path aofDir = dir.resolve("appendonlydir");
        assertThat(Files.readString(aofDir.resolve("appendonly.aof.manifest")))
                .isEqualTo("file appendonly.aof.2.base." + (preamble.equals("yes") ? "rdb" : "aof")
                        + " seq 2 type b\nfile appendonly.aof.2.incr.aof seq 2 type i\n");
        String report = run("redis-check-aof", aofDir.resolve("appendonly.aof.manifest").toString());
        assertThat(report).contains("All AOF files and manifest are valid");
        try (RealRedis redis = RealRedis.start("--dir", dir.toString(), "--appendonly", "yes");
             RespClient c = new RespClient(redis.port())) {
            RdbInteropTest.check(c);
            checkIncr(c);
        }
    }

    @ParameterizedTest @ValueSource(strings = {"yes", "no"})
    void weLoadRedisAof(String preamble) throws Exception {
        assumeTrue(RealRedis.available());
        try (RealRedis redis = RealRedis.start("--dir", dir.toString(), "--appendonly", "yes",
                "--aof-use-rdb-preamble", preamble);
             RespClient c = new RespClient(redis.port())) {
            RdbInteropTest.fill(c);
            rewriteAndWait(c);
            fillIncr(c);
        }
        try (Cinnabar ours = Cinnabar.builder().port(0).config("dir", dir.toString()).config("appendonly", "yes").start();
             RespClient c = new RespClient(ours.port())) {
            RdbInteropTest.check(c);
            checkIncr(c);
        }
    }
}
