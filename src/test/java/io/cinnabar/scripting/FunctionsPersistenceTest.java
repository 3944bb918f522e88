package io.cinnabar.scripting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cinnabar.Cinnabar;
import io.cinnabar.testing.Await;
import io.cinnabar.testing.RealRedis;
import io.cinnabar.testing.RespClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Function libraries survive what the keyspace survives: the RDB (RDB_OPCODE_FUNCTION2 records
 * after the AUX fields) across DEBUG RELOAD and a restart, in both directions with a real
 * redis-server, and an AOF rewrite in command form (FUNCTION LOAD first).
 */
class FunctionsPersistenceTest {
    private static final String LIB = "#!lua name=mylib\n"
            + "redis.register_function('MyFunc', function(keys, args) return 'hi ' .. args[1] end)\n"
            + "redis.register_function{function_name='ro', callback=function() return 1 end, flags={'no-writes'}}";

    @TempDir Path dir;

    private Cinnabar start() {
        return Cinnabar.builder().port(0).config("dir", dir.toString()).config("enable-debug-command", "yes").start();
    }

    @Test void debugReloadAndRestartKeepLibraries() {
        try (Cinnabar ours = start(); RespClient c = new RespClient(ours.port())) {
            assertThat(c.callText("FUNCTION", "LOAD", LIB)).isEqualTo("$5\r\nmylib\r\n");
            c.call("SET", "k", "v");
            assertThat(c.callText("DEBUG", "RELOAD")).isEqualTo("+OK\r\n");
            assertThat(c.callText("FCALL", "myfunc", "0", "there")).isEqualTo("$8\r\nhi there\r\n");
            assertThat(c.callText("FCALL_RO", "ro", "0")).isEqualTo(":1\r\n");
            c.call("FUNCTION", "FLUSH");
            assertThat(c.callText("DEBUG", "RELOAD")).isEqualTo("+OK\r\n"); // an RDB without libraries empties them
            assertThat(c.callText("FUNCTION", "LIST")).isEqualTo("*0\r\n");
            c.call("FUNCTION", "LOAD", LIB);
            assertThat(c.callText("SAVE")).isEqualTo("+OK\r\n");
        }
        try (Cinnabar ours = start(); RespClient c = new RespClient(ours.port())) {
            assertThat(c.callText("FCALL", "MYFUNC", "0", "again")).isEqualTo("$8\r\nhi again\r\n");
            assertThat(c.callText("GET", "k")).isEqualTo("$1\r\nv\r\n");
        }
    }

    @Test void realRedisLoadsOurLibrariesAndWeLoadItsLibraries() {
        assumeTrue(RealRedis.available());
        try (Cinnabar ours = start(); RespClient c = new RespClient(ours.port())) {
            c.call("FUNCTION", "LOAD", LIB);
            assertThat(c.callText("SAVE")).isEqualTo("+OK\r\n");
        }
        try (RealRedis redis = RealRedis.start("--dir", dir.toString());
             RespClient c = new RespClient(redis.port())) {
            assertThat(c.callText("FCALL", "myfunc", "0", "redis")).isEqualTo("$8\r\nhi redis\r\n");
            c.call("FUNCTION", "LOAD", "#!lua name=other\nredis.register_function('f2', function() return 2 end)");
            assertThat(c.callText("SAVE")).isEqualTo("+OK\r\n");
        }
        try (Cinnabar ours = start(); RespClient c = new RespClient(ours.port())) {
            assertThat(c.callText("FCALL", "f2", "0")).isEqualTo(":2\r\n");
            assertThat(c.callText("FCALL", "myfunc", "0", "us")).isEqualTo("$5\r\nhi us\r\n");
        }
    }

    @Test void aofRewriteInCommandFormLoadsLibrariesFirst() throws Exception {
        try (Cinnabar ours = Cinnabar.builder().port(0).config("dir", dir.toString())
                .config("enable-debug-command", "yes").config("aof-use-rdb-preamble", "no")
                .config("appendonly", "yes").start();
             RespClient c = new RespClient(ours.port())) {
            c.call("FUNCTION", "LOAD", LIB);
            c.call("SET", "k", "v");
            assertThat(c.callText("BGREWRITEAOF")).startsWith("+Background append only file rewriting");
            Path aofDir = dir.resolve("appendonlydir");
            Await.until(() -> baseText(aofDir).contains("SET"), "the rewritten base file");
            String base = Files.readString(base(aofDir), StandardCharsets.ISO_8859_1);
            assertThat(base).startsWith("*3\r\n$8\r\nFUNCTION\r\n$4\r\nLOAD\r\n");
            assertThat(base.indexOf("FUNCTION")).isLessThan(base.indexOf("SELECT"));
            // the functions go with the keyspace and come back from the base file, without "already exists"
            assertThat(c.callText("DEBUG", "LOADAOF")).isEqualTo("+OK\r\n");
            assertThat(c.callText("FCALL", "myfunc", "0", "aof")).isEqualTo("$6\r\nhi aof\r\n");
        }
    }

    private static String baseText(Path aofDir) {
        try {
            Path p = base(aofDir);
            return p == null ? "" : Files.readString(p, StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static Path base(Path aofDir) throws java.io.IOException {
        if (!Files.isDirectory(aofDir)) return null;
        try (Stream<Path> files = Files.list(aofDir)) {
            return files.filter(p -> p.getFileName().toString().contains(".base.aof")).findFirst().orElse(null);
        }
    }
}
