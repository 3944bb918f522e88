package io.cinnabar.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cinnabar.Cinnabar;
import io.cinnabar.testing.RespClient;
import io.cinnabar.time.ManualClock;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/** The server over real sockets: real clients, raw protocol, bad input, the manual clock. */
class ConnectionTest {
    static ManualClock clock = new ManualClock();
    static Cinnabar server;

    @BeforeAll static void start() {
        server = Cinnabar.builder().port(0).clock(clock).config("maxclients", "50").start();
    }

    @AfterAll static void stop() {
        server.close();
    }

    @Test void jedisSetGetAndErrors() {
        try (Jedis j = new Jedis("127.0.0.1", server.port(), 15_000)) {
            assertThat(j.ping()).isEqualTo("PONG");
            assertThat(j.set("jk", "v")).isEqualTo("OK");
            assertThat(j.get("jk")).isEqualTo("v");
            assertThat(j.get("missing")).isNull();
            assertThatThrownBy(() -> j.sendCommand(() -> "NOPE".getBytes(), "a"))
                    .isInstanceOf(JedisDataException.class)
                    .hasMessage("ERR unknown command 'NOPE', with args beginning with: 'a' ");
        }
    }

    @Test void lettuceNegotiatesResp3() {
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + server.port());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            assertThat(c.sync().set("lk", "v")).isEqualTo("OK");
            assertThat(c.sync().get("lk")).isEqualTo("v");
            assertThat(c.sync().ping()).isEqualTo("PONG");
        } finally {
            client.shutdown();
        }
    }

    @Test void pipelinedRepliesComeInOrder() {
        try (RespClient c = new RespClient(server.port())) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 1000; i++) sb.append("*3\r\n$3\r\nSET\r\n$2\r\np").append(i % 10).append("\r\n$1\r\nx\r\n");
            c.sendText(sb.toString() + "PING\r\n");
            for (int i = 0; i < 1000; i++) assertThat(c.readText()).isEqualTo("+OK\r\n");
            assertThat(c.readText()).isEqualTo("+PONG\r\n");
        }
    }

    @Test void protocolErrorClosesTheConnection() {
        try (RespClient c = new RespClient(server.port())) {
            c.sendText("*1\r\nfoo\r\n");
            assertThat(c.readText()).isEqualTo("-ERR Protocol error: expected '$', got 'f'\r\n");
            assertThat(c.isClosedByServer()).isTrue();
        }
        try (RespClient c = new RespClient(server.port())) {
            assertThat(c.callText("PING")).isEqualTo("+PONG\r\n"); // the server carries on
        }
    }

    @Test void wrongArityAndUnknownSubcommand() {
        try (RespClient c = new RespClient(server.port())) {
            assertThat(c.callText("GET")).isEqualTo("-ERR wrong number of arguments for 'get' command\r\n");
            assertThat(c.callText("SELECT", "99")).isEqualTo("-ERR DB index is out of range\r\n");
            assertThat(c.callText("HELLO", "4")).isEqualTo("-NOPROTO unsupported protocol version\r\n");
        }
    }

    @Test void resp3NullsAndHello() {
        try (RespClient c = new RespClient(server.port())) {
            assertThat(c.callText("GET", "nothing-here")).isEqualTo("$-1\r\n");
            assertThat(c.callText("HELLO", "3")).startsWith("%7\r\n$6\r\nserver\r\n$5\r\nredis\r\n");
            assertThat(c.callText("GET", "nothing-here")).isEqualTo("_\r\n");
        }
    }

    @Test void manualClockExpiresKeysWithoutSleeping() {
        try (RespClient c = new RespClient(server.port())) {
            assertThat(c.callText("SET", "ttl-key", "v", "PX", "5000")).isEqualTo("+OK\r\n");
            clock.advance(4000);
            assertThat(c.callText("GET", "ttl-key")).isEqualTo("$1\r\nv\r\n");
            clock.advance(1000); // at exactly its expiry time a key still exists (Redis' keyIsExpired: now > when)
            assertThat(c.callText("GET", "ttl-key")).isEqualTo("$1\r\nv\r\n");
            clock.advance(1);
            assertThat(c.callText("GET", "ttl-key")).isEqualTo("$-1\r\n");
        }
    }

    @Test void randomBytesNeverCrashTheServer() {
        Random rnd = new Random(42);
        for (int round = 0; round < 30; round++) {
            try (RespClient c = new RespClient(server.port())) {
                byte[] junk = new byte[rnd.nextInt(2000) + 1];
                rnd.nextBytes(junk);
                if (round % 3 == 0) junk[0] = '*';
                c.send(junk);
            }
        }
        try (RespClient c = new RespClient(server.port())) {
            assertThat(c.callText("PING")).isEqualTo("+PONG\r\n");
        }
    }

    @Test void truncatedCommandDoesNotStallOthers() {
        try (RespClient slow = new RespClient(server.port()); RespClient other = new RespClient(server.port())) {
            slow.sendText("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$100\r\nabc");
            assertThat(other.callText("PING")).isEqualTo("+PONG\r\n");
        }
    }
}
