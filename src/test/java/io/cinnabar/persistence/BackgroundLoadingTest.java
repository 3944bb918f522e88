package io.cinnabar.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.cinnabar.Cinnabar;
import io.cinnabar.testing.Await;
import io.cinnabar.testing.RespClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Loading at startup does not freeze the server: while a slow load (key-load-delay) runs, clients
 * get LOADING for commands without the loading flag, INFO reports the progress, and the data is
 * there once it ends. Writes after a failed BGSAVE get MISCONF.
 */
class BackgroundLoadingTest {
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String field(String info, String name) {
        for (String line : info.split("\r\n")) {
            if (line.startsWith(name + ":")) return line.substring(name.length() + 1);
        }
        return null;
    }

    @Test
    void clientsGetLoadingWhileTheRdbLoadsAndTheDataAfterwards() throws Exception {
        Path dir = Files.createTempDirectory("cinnabar-loading");
        try (Cinnabar first = Cinnabar.builder().port(0).config("enable-debug-command", "yes").config("dir", dir.toString()).start();
                RespClient c = new RespClient(first.port())) {
            assertThat(c.callText("DEBUG", "POPULATE", "3000", "key", "100")).isEqualTo("+OK\r\n");
            c.callText("FUNCTION", "LOAD", "#!lua name=lib\nredis.register_function('f', function() return 'hi' end)");
            assertThat(c.callText("SAVE")).isEqualTo("+OK\r\n");
        }
        int port = freePort();
        CompletableFuture<Cinnabar> started = CompletableFuture.supplyAsync(() -> Cinnabar.builder()
                .port(port).config("enable-debug-command", "yes").config("dir", dir.toString()).config("key-load-delay", "2000").start());
        try {
            RespClient[] client = new RespClient[1];
            Await.until(() -> {
                try {
                    client[0] = new RespClient(port);
                    return true;
                } catch (RuntimeException refused) {
                    return false;
                }
            }, "the port to listen");
            try (RespClient c = client[0]) {
                assertThat(c.callText("PING")).isEqualTo("-LOADING Redis is loading the dataset in memory\r\n");
                assertThat(c.callText("GET", "key:1")).startsWith("-LOADING");
                c.callText("MULTI");
                assertThat(c.callText("DBSIZE")).startsWith("-LOADING");
                assertThat(c.callText("DISCARD")).isEqualTo("+OK\r\n");
                String info = c.callText("INFO", "persistence");
                assertThat(field(info, "loading")).isEqualTo("1");
                assertThat(field(info, "async_loading")).isEqualTo("0");
                assertThat(Long.parseLong(field(info, "loading_total_bytes"))).isPositive();
                assertThat(field(info, "loading_loaded_perc")).isNotNull();
                assertThat(started).isNotDone();
                // CONFIG SET works while loading, and takes effect on the running load
                assertThat(c.callText("CONFIG", "SET", "key-load-delay", "0")).isEqualTo("+OK\r\n");
                Await.until(() -> c.callText("PING").equals("+PONG\r\n"), "the load to end");
                assertThat(c.callText("DBSIZE")).isEqualTo(":3000\r\n");
                assertThat(c.callText("GET", "key:7")).startsWith("$100\r\nvalue:7");
                info = c.callText("INFO", "persistence");
                assertThat(field(info, "loading")).isEqualTo("0");
                assertThat(field(info, "loading_total_bytes")).isNull();
                assertThat(field(info, "rdb_last_load_keys_loaded")).isEqualTo("3000");
                assertThat(c.callText("FCALL", "f", "0")).isEqualTo("$2\r\nhi\r\n"); // functions are in the RDB
            }
        } finally {
            started.get(30, TimeUnit.SECONDS).close();
        }
    }

    @Test
    void writesGetMisconfAfterAFailedBgsave() throws Exception {
        Path dir = Files.createTempDirectory("cinnabar-misconf");
        try (Cinnabar s = Cinnabar.builder().port(0).config("enable-debug-command", "yes").config("dir", dir.toString()).config("save", "3600 1").config("enable-protected-configs", "yes").start();
                RespClient c = new RespClient(s.port())) {
            c.callText("SET", "x", "x");
            // a dir that vanished makes the BGSAVE fail
            Path gone = Files.createTempDirectory("cinnabar-gone");
            assertThat(c.callText("CONFIG", "SET", "dir", gone.toString())).isEqualTo("+OK\r\n");
            Files.delete(gone);
            c.callText("BGSAVE");
            Await.until(() -> field(c.callText("INFO", "persistence"), "rdb_last_bgsave_status").equals("err"),
                    "the BGSAVE to fail");
            assertThat(c.callText("GET", "x")).isEqualTo("$1\r\nx\r\n");
            String misconf = "-MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist "
                    + "to disk. Commands that may modify the data set are disabled, because this instance is configured "
                    + "to report errors during writes if RDB snapshotting fails (stop-writes-on-bgsave-error option). "
                    + "Please check the Redis logs for details about the RDB error.\r\n";
            assertThat(c.callText("SET", "x", "y")).isEqualTo(misconf);
            assertThat(c.callText("PING")).isEqualTo(misconf);
            assertThat(c.callText("EVAL", "return redis.call('set','x',1)", "1", "x")).startsWith("-MISCONF");
            assertThat(c.callText("EVAL", "#!lua flags=no-writes\nreturn redis.call('get','x')", "1", "x"))
                    .isEqualTo("$1\r\nx\r\n");
            assertThat(c.callText("CONFIG", "SET", "stop-writes-on-bgsave-error", "no")).isEqualTo("+OK\r\n");
            assertThat(c.callText("SET", "x", "y")).isEqualTo("+OK\r\n");
        }
    }
}
