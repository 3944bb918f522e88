package io.cinnabar.command.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cinnabar.Cinnabar;
import io.cinnabar.testing.RespClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** CLIENT subcommands, RESET, MONITOR and maxclients over real sockets (Jedis, Lettuce, raw RESP). */
class ClientCommandsTest {
    private static Cinnabar server;

    @BeforeAll static void start() {
        server = Cinnabar.builder().port(0).config("maxclients", "50").start();
    }

    @AfterAll static void stop() {
        server.close();
    }

    private static Jedis jedis() {
        return new Jedis("127.0.0.1", server.port(), 30_000);
    }

    @Test void namesIdsAndList() {
        try (Jedis j = jedis()) {
            assertThat(j.clientGetname()).isNull();
            assertThat(j.clientSetname("worker-1")).isEqualTo("OK");
            assertThat(j.clientGetname()).isEqualTo("worker-1");
            assertThatThrownBy(() -> j.clientSetname("a b")).hasMessageStartingWith("ERR Client names cannot contain");
            long id = j.clientId();
            String info = j.clientInfo();
            assertThat(info).startsWith("id=" + id + " addr=127.0.0.1:").contains(" name=worker-1 ", " flags=N ",
                    " db=0 ", " multi=-1 ", " qbuf=26 ", " cmd=client|info ", " user=default ", " resp=2");
            assertThat(j.clientList()).contains("name=worker-1");
            assertThatThrownBy(() -> j.sendCommand(() -> "CLIENT".getBytes(), "list", "type", "bogus"))
                    .hasMessage("ERR Unknown client type 'bogus'");
        }
    }

    @Test void lettuceSeesItsOwnConnection() {
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + server.port());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            c.sync().clientSetname("lettuce");
            assertThat(c.sync().clientList()).contains("name=lettuce", "resp=3");
            assertThat(c.sync().clientGetname()).isEqualTo("lettuce");
        } finally {
            client.shutdown();
        }
    }

    @Test void killByIdAndSkipme() throws Exception {
        try (Jedis killer = jedis(); RespClient victim = new RespClient(server.port())) {
            victim.callText("PING");
            String victimId = victim.callText("CLIENT", "ID");
            assertThatThrownBy(() -> killer.sendCommand(() -> "CLIENT".getBytes(), "kill", "id", "0"))
                    .hasMessage("ERR client-id should be greater than 0");
            assertThatThrownBy(() -> killer.sendCommand(() -> "CLIENT".getBytes(), "kill", "skipme", "maybe"))
                    .hasMessage("ERR syntax error");
            assertThatThrownBy(() -> killer.sendCommand(() -> "CLIENT".getBytes(), "kill", "1.2.3.4:5"))
                    .hasMessage("ERR No such client");
            Object killed = killer.sendCommand(() -> "CLIENT".getBytes(), "kill", "id", victimId.substring(1).trim());
            assertThat(killed).isEqualTo(1L);
            long deadline = System.currentTimeMillis() + 10_000;
            while (!victim.isClosedByServer() && System.currentTimeMillis() < deadline) Thread.onSpinWait();
            assertThat(victim.isClosedByServer()).isTrue();
        }
    }

    @Test void replyOffAndSkip() {
        try (RespClient c = new RespClient(server.port())) {
            c.sendText("CLIENT REPLY OFF\r\nPING a\r\nCLIENT REPLY ON\r\nPING b\r\n");
            assertThat(c.readText()).isEqualTo("+OK\r\n");
            assertThat(c.readText()).isEqualTo("$1\r\nb\r\n");
            c.sendText("CLIENT REPLY SKIP\r\nPING c\r\nPING d\r\n");
            assertThat(c.readText()).isEqualTo("$1\r\nd\r\n");
        }
    }

    @Test void resetRestoresAFreshConnection() {
        try (Jedis j = jedis()) {
            j.select(3);
            j.clientSetname("x");
            assertThat(j.sendCommand(() -> "RESET".getBytes())).isEqualTo("RESET".getBytes());
            assertThat(j.clientGetname()).isNull();
            assertThat(j.clientInfo()).contains(" db=0 ");
        }
    }

    @Test void monitorSeesCommandsOfOthers() {
        try (RespClient monitor = new RespClient(server.port()); Jedis j = jedis()) {
            assertThat(monitor.callText("MONITOR")).isEqualTo("+OK\r\n");
            j.set("mon-key", "v\"1");
            String line = monitor.readText();
            assertThat(line).startsWith("+").contains("[0 127.0.0.1:").endsWith("\"SET\" \"mon-key\" \"v\\\"1\"\r\n");
        }
    }

    @Test void maxclientsRefusesExtraConnections() {
        server.call(() -> {
            server.server().config().setUnchecked("maxclients", "1");
            return null;
        });
        try (Jedis first = jedis(); RespClient second = new RespClient(server.port())) {
            first.ping();
            second.sendText("PING\r\n");
            assertThat(second.readText()).isEqualTo("-ERR max number of clients reached\r\n");
        } finally {
            server.call(() -> {
                server.server().config().setUnchecked("maxclients", "50");
                return null;
            });
        }
    }
}
