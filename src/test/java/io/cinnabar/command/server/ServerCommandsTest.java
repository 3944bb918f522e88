package io.cinnabar.command.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cinnabar.Cinnabar;
import java.net.Socket;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisDataException;

/** INFO, CONFIG, DBSIZE/FLUSHDB/FLUSHALL/SWAPDB, COMMAND, SLOWLOG, LATENCY, MEMORY and DEBUG over a real socket. */
class ServerCommandsTest {
    private static Cinnabar server;
    private Jedis jedis;

    @BeforeAll static void start() {
        server = Cinnabar.builder().port(0).config("enable-debug-command", "local").start();
    }

    @AfterAll static void stop() {
        server.close();
    }

    @BeforeEach void connect() {
        jedis = new Jedis("127.0.0.1", server.port(), 30_000);
        jedis.flushAll();
    }

    private Object send(String... args) {
        return jedis.sendCommand(() -> redis.clients.jedis.util.SafeEncoder.encode(args[0]),
                java.util.Arrays.copyOfRange(args, 1, args.length));
    }

    private static String str(Object o) {
        return new String((byte[]) o, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test void infoKeyspaceAndSections() {
        jedis.configResetStat();
        jedis.set("a", "1");
        jedis.setex("b", 100, "2");
        assertThat(jedis.info("keyspace")).contains("db0:keys=2,expires=1,avg_ttl=");
        String all = jedis.info("everything");
        assertThat(all).contains("# Server", "redis_version:7.0.15", "# Commandstats", "cmdstat_set:calls=1,",
                "rejected_calls=0,failed_calls=0", "# Keyspace");
        assertThat(jedis.info()).contains("used_memory:").doesNotContain("# Commandstats");
        assertThat(jedis.info("cpu")).contains("used_cpu_user").doesNotContain("used_memory");
    }

    @Test void errorstatsAndCommandstatsCountFailures() {
        jedis.configResetStat();
        assertThatThrownBy(() -> send("config", "set", "maxmemory", "nonsense")).isInstanceOf(JedisDataException.class);
        String info = jedis.info("all");
        assertThat(info).contains("errorstat_ERR:count=1", "cmdstat_config|set:calls=1,", "failed_calls=1");
    }

    @Test void configGetPatternsAndAliases() {
        @SuppressWarnings("unchecked")
        List<Object> r = (List<Object>) send("config", "get", "maxmemory", "maxmemory*", "*of");
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < r.size(); i += 2) names.add(str(r.get(i)));
        assertThat(names).contains("maxmemory", "maxmemory-policy", "replicaof", "slaveof").doesNotHaveDuplicates();
        assertThat(jedis.configGet("key-load-delay")).containsKey("key-load-delay");
        assertThat(jedis.configGet("*")).doesNotContainKey("key-load-delay");
    }

    @Test void configSetSeveralAtOnceAndRollsBack() {
        assertThat(send("config", "set", "maxmemory", "10000001", "hz", "20")).isEqualTo("OK".getBytes());
        assertThat(jedis.configGet("hz")).containsEntry("hz", "20");
        assertThatThrownBy(() -> send("config", "set", "maxmemory", "5", "maxmemory-clients", "200%"))
                .hasMessage("ERR CONFIG SET failed (possibly related to argument 'maxmemory-clients') - "
                        + "percentage argument must be less or equal to 100");
        assertThat(jedis.configGet("maxmemory")).containsEntry("maxmemory", "10000001");
        assertThatThrownBy(() -> send("config", "set", "daemonize", "yes"))
                .hasMessageContaining("can't set immutable config");
        assertThatThrownBy(() -> send("config", "set", "hz", "1", "hz", "2")).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> send("config", "set", "nosuch", "1"))
                .hasMessage("ERR Unknown option or number of arguments for CONFIG SET - 'nosuch'");
        send("config", "set", "maxmemory", "0", "hz", "10");
    }

    @Test void dbsizeFlushAndSwap() {
        jedis.set("a", "1");
        jedis.select(1);
        jedis.set("b", "1");
        jedis.set("c", "1");
        assertThat(jedis.dbSize()).isEqualTo(2);
        assertThat(send("swapdb", "0", "1")).isEqualTo("OK".getBytes());
        assertThat(jedis.dbSize()).isEqualTo(1);
        assertThat(jedis.flushDB()).isEqualTo("OK");
        assertThat(jedis.dbSize()).isZero();
        jedis.select(0);
        assertThat(jedis.dbSize()).isEqualTo(2);
        assertThatThrownBy(() -> send("flushdb", "bogus")).hasMessage("ERR syntax error");
        assertThatThrownBy(() -> send("swapdb", "0", "99")).hasMessage("ERR DB index is out of range");
        assertThatThrownBy(() -> send("swapdb", "x", "1")).hasMessage("ERR invalid first DB index");
        send("flushall", "async");
        assertThat(jedis.dbSize()).isZero();
    }

    @SuppressWarnings("unchecked")
    @Test void commandIntrospection() {
        assertThat((Long) send("command", "count")).isGreaterThan(50);
        assertThat(text(send("command", "getkeys", "mset", "k1", "v1", "k2", "v2"))).isEqualTo(List.of("k1", "k2"));
        assertThat(text(send("command", "getkeysandflags", "set", "k1", "v1")))
                .isEqualTo(List.of(List.of("k1", List.of("OW", "update"))));
        assertThatThrownBy(() -> send("command", "getkeys", "ping", "hello")).hasMessage("ERR The command has no key arguments");
        assertThatThrownBy(() -> send("command", "getkeys", "nosuch", "x"))
                .hasMessage("ERR Invalid command specified");
        assertThat((List<Object>) text(send("command", "list", "filterby", "pattern", "config|*"))).contains((Object) "config|get", "config|set");
        assertThat(text(send("command", "info", "get|key"))).isEqualTo(java.util.Collections.singletonList(null));
        @SuppressWarnings("unchecked")
        List<Object> get = (List<Object>) ((List<Object>) send("command", "info", "get")).get(0);
        assertThat(((List<?>) text(get)).subList(0, 6)).isEqualTo(List.of("get", 2L, List.of("readonly", "fast"), 1L, 1L, 1L));
    }

    @Test void slowlogAndLatency() {
        send("config", "set", "slowlog-log-slower-than", "0");
        send("slowlog", "reset");
        jedis.set("x", "y");
        assertThat((Long) send("slowlog", "len")).isGreaterThanOrEqualTo(1);
        @SuppressWarnings("unchecked")
        List<Object> entries = (List<Object>) send("slowlog", "get", "-1");
        assertThat(entries).anySatisfy(e -> assertThat(text(((List<?>) e).get(3))).isEqualTo(List.of("SET", "x", "y")));
        send("config", "set", "slowlog-log-slower-than", "10000");
        jedis.configResetStat();
        jedis.set("a", "b");
        assertThat(text(send("latency", "histogram", "set"))).asString().contains("set", "calls", "1");
        send("config", "set", "latency-monitor-threshold", "1");
        send("debug", "sleep", "0.01");
        assertThat(text(send("latency", "latest"))).asString().contains("command");
        assertThat((Long) send("latency", "reset")).isGreaterThanOrEqualTo(1);
        send("config", "set", "latency-monitor-threshold", "0");
    }

    @Test void memoryAndDebug() {
        jedis.set("k", "v".repeat(100));
        assertThat((Long) send("memory", "usage", "k")).isGreaterThan(100);
        assertThat(send("memory", "usage", "missing")).isNull();
        assertThat(str(send("debug", "protocol", "bignum"))).isEqualTo("1234567999999999999999999999999999999");
        assertThat(send("debug", "set-active-expire", "0")).isEqualTo("OK".getBytes());
        assertThat(server.server().activeExpireEnabled).isFalse();
        send("debug", "set-active-expire", "1");
        assertThat(str(send("debug", "digest"))).hasSize(40).isNotEqualTo("0".repeat(40));
    }

    @Test void debugIsGatedByEnableDebugCommand() {
        try (Cinnabar other = Cinnabar.builder().port(0).start();
                Jedis j = new Jedis("127.0.0.1", other.port(), 30_000)) {
            assertThatThrownBy(() -> j.sendCommand(() -> "DEBUG".getBytes(), "help"))
                    .hasMessageStartingWith("ERR DEBUG command not allowed. If the enable-debug-command option is set");
        }
    }

    @Test void shutdownClosesTheEmbeddedServer() throws Exception {
        Cinnabar other = Cinnabar.builder().port(0).start();
        int port = other.port();
        try (Jedis j = new Jedis("127.0.0.1", port, 30_000)) {
            assertThatThrownBy(() -> j.sendCommand(Protocol.Command.SHUTDOWN, "nosave")).isNotNull();
        }
        long deadline = System.currentTimeMillis() + 20_000;
        boolean refused = false;
        while (!refused && System.currentTimeMillis() < deadline) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                Thread.onSpinWait();
            } catch (java.io.IOException e) {
                refused = true;
            }
        }
        assertThat(refused).as("listener closed after SHUTDOWN").isTrue();
        other.close();
    }

    /** byte[] → String, lists recursively. */
    static Object text(Object o) {
        if (o instanceof byte[] b) return new String(b, java.nio.charset.StandardCharsets.UTF_8);
        if (o instanceof List<?> l) {
            List<Object> out = new java.util.ArrayList<>();
            for (Object x : l) out.add(text(x));
            return out;
        }
        return o;
    }

}
