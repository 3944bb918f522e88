package io.cinnabar.command.hashes;

import static org.assertj.core.api.Assertions.assertThat;

import io.cinnabar.Cinnabar;
import io.cinnabar.testing.RespClient;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** HRANDFIELD with a huge negative count stops once the client is over its output buffer limit. */
class HRandFieldOutputLimitTest {
    @Test @Timeout(value = 30, unit = TimeUnit.SECONDS) void hugeCountIsCutShortByTheOutputLimit() {
        Cinnabar server = Cinnabar.builder().port(0).start();
        try (RespClient admin = new RespClient(server.port()); RespClient c = new RespClient(server.port())) {
            admin.callText("CONFIG", "SET", "client-output-buffer-limit", "normal 1000000 0 0");
            admin.callText("HSET", "myhash", "a", "b");
            c.send(RespClient.encode(RespClient.args("HRANDFIELD", "myhash", "-999999999")));
            assertThat(c.isClosedByServer()).isTrue();
            assertThat(admin.callText("HRANDFIELD", "myhash", "-2")).isEqualTo("*2\r\n$1\r\na\r\n$1\r\na\r\n");
            assertThat(admin.callText("INFO", "stats")).contains("client_output_buffer_limit_disconnections:1");
        } finally {
            server.close();
        }
    }
}
