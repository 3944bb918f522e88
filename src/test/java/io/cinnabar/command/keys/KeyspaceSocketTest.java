package io.cinnabar.command.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cinnabar.Cinnabar;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** SCAN, KEYS, RANDOMKEY, RENAME, MOVE, COPY and OBJECT through Jedis. */
class KeyspaceSocketTest {
    static Cinnabar server;

    @BeforeAll static void start() {
        server = Cinnabar.builder().port(0).start();
    }

    @AfterAll static void stop() {
        server.close();
    }

    @Test void scanReturnsEveryKeyPresentForTheWholeScanWhileTheKeyspaceGrows() {
        try (Jedis j = new Jedis("127.0.0.1", server.port(), 15_000)) {
            j.select(1);
            for (int i = 0; i < 1000; i++) j.set("key:" + i, "v");
            Set<String> seen = new HashSet<>();
            String cursor = ScanParams.SCAN_POINTER_START;
            int added = 0;
            do {
                ScanResult<String> r = j.scan(cursor, new ScanParams().count(50).match("key:*"));
                seen.addAll(r.getResult());
                cursor = r.getCursor();
                for (int i = 0; i < 100 && added < 5000; i++) j.set("new:" + added++, "v");
            } while (!cursor.equals("0"));
            for (int i = 0; i < 1000; i++) assertThat(seen).contains("key:" + i);
            assertThat(seen).allMatch(k -> k.startsWith("key:"));
            assertThat(j.keys("key:1??")).hasSize(100);
            assertThat(j.keys("*")).hasSize(6000);
            assertThat(j.randomKey()).matches("(key|new):\\d+");
            assertThat(j.scan("0", new ScanParams().count(100_000)).getResult()).hasSize(6000);
            assertThatThrownBy(() -> j.scan("abc")).isInstanceOf(JedisDataException.class)
                    .hasMessage("ERR invalid cursor");
        }
    }

    @Test void renameMoveCopyCarryTheTtl() {
        try (Jedis j = new Jedis("127.0.0.1", server.port(), 15_000)) {
            j.select(2);
            j.set("r1", "v");
            j.pexpire("r1", 100_000);
            assertThat(j.rename("r1", "r2")).isEqualTo("OK");
            assertThat(j.pttl("r2")).isBetween(90_000L, 100_000L);
            assertThat(j.copy("r2", "r3", false)).isTrue();
            assertThat(j.pttl("r3")).isBetween(90_000L, 100_000L);
            assertThat(j.move("r3", 3)).isEqualTo(1);
            assertThat(j.exists("r3")).isFalse();
            j.select(3);
            assertThat(j.get("r3")).isEqualTo("v");
            assertThat(j.pttl("r3")).isBetween(90_000L, 100_000L);
            assertThat(j.objectEncoding("r3")).isEqualTo("embstr");
            assertThat(j.objectIdletime("r3")).isBetween(0L, 5L);
            assertThat(j.type("r3")).isEqualTo("string");
            assertThat(j.del("r3")).isEqualTo(1);
        }
    }
}
