package io.cinnabar.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cinnabar.Cinnabar;
import io.cinnabar.testing.RespClient;
import io.cinnabar.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/** maxmemory: which keys each policy evicts, OOM under noeviction, the evicted event and stat. */
class EvictionTest {
    final ManualClock clock = new ManualClock();
    Cinnabar server;
    Jedis j;

    @BeforeEach void start() {
        server = Cinnabar.builder().port(0).clock(clock).config("maxmemory-samples", "10").start();
        j = new Jedis("127.0.0.1", server.port(), 15_000);
    }

    @AfterEach void stop() {
        j.close();
        server.close();
    }

    private long info(String field) {
        for (String line : j.info("all").split("\r\n")) {
            if (line.startsWith(field + ":")) return Long.parseLong(line.substring(field.length() + 1));
        }
        throw new AssertionError(field);
    }

    /** Sets maxmemory so that about a third of the dataset must go, and lets eviction run. */
    private void squeeze(String policy) {
        j.configSet("maxmemory-policy", policy);
        long used = info("used_memory");
        long dataset = used - info("used_memory_startup") - info("mem_clients_normal");
        j.configSet("maxmemory", String.valueOf(used - dataset / 3));
        j.ping(); // eviction runs before each command
    }

    private int surviving(String prefix, int n) {
        int alive = 0;
        for (int i = 0; i < n; i++) if (j.exists(prefix + i)) alive++;
        return alive;
    }

    @Test void allkeysLruKeepsRecentlyTouchedKeys() {
        for (int i = 0; i < 500; i++) j.set("old:" + i, "v" + i);
        for (int i = 0; i < 500; i++) j.set("hot:" + i, "v" + i);
        clock.advance(60_000);
        for (int i = 0; i < 500; i++) j.get("hot:" + i);
        squeeze("allkeys-lru");
        assertThat(info("evicted_keys")).isGreaterThan(0);
        assertThat(info("used_memory")).isLessThanOrEqualTo(Long.parseLong(j.configGet("maxmemory").get("maxmemory")));
        assertThat(surviving("hot:", 500)).isGreaterThanOrEqualTo(490);
        assertThat(surviving("old:", 500)).isLessThan(300);
    }

    @Test void allkeysLfuKeepsFrequentlyUsedKeys() {
        j.configSet("maxmemory-policy", "allkeys-lfu");
        j.configSet("lfu-log-factor", "0"); // every access counts: deterministic counters
        for (int i = 0; i < 500; i++) j.set("cold:" + i, "v");
        for (int i = 0; i < 500; i++) j.set("hot:" + i, "v");
        for (int round = 0; round < 5; round++) for (int i = 0; i < 500; i++) j.get("hot:" + i);
        squeeze("allkeys-lfu");
        assertThat(surviving("hot:", 500)).isGreaterThanOrEqualTo(490);
        assertThat(surviving("cold:", 500)).isLessThan(300);
    }

    @Test void volatilePoliciesLeaveKeysWithoutTtl() {
        for (String policy : new String[] {"volatile-lru", "volatile-lfu", "volatile-random", "volatile-ttl"}) {
            j.flushAll();
            j.configSet("maxmemory", "0");
            for (int i = 0; i < 400; i++) j.set("keep:" + i, "v");
            for (int i = 0; i < 800; i++) j.setex("tmp:" + i, 1000 + i, "v");
            squeeze(policy);
            assertThat(surviving("keep:", 400)).as(policy).isEqualTo(400);
            assertThat(surviving("tmp:", 800)).as(policy).isLessThan(800);
        }
    }

    @Test void volatileTtlEvictsTheSoonestToExpire() {
        for (int i = 0; i < 600; i++) j.setex("k:" + i, 10_000 + i * 10L, "v");
        squeeze("volatile-ttl");
        int early = 0, late = 0;
        for (int i = 0; i < 300; i++) if (j.exists("k:" + i)) early++;
        for (int i = 300; i < 600; i++) if (j.exists("k:" + i)) late++;
        assertThat(late).isGreaterThan(early);
        assertThat(late).isGreaterThanOrEqualTo(290);
    }

    @Test void allkeysRandomGetsUnderTheLimit() {
        for (int i = 0; i < 1000; i++) j.set("k:" + i, "v");
        squeeze("allkeys-random");
        assertThat(j.dbSize()).isLessThan(1000).isGreaterThan(0);
        assertThat(info("used_memory")).isLessThanOrEqualTo(Long.parseLong(j.configGet("maxmemory").get("maxmemory")));
    }

    @Test void noevictionRefusesDenyoomCommandsOnly() {
        for (int i = 0; i < 100; i++) j.set("k:" + i, "v");
        squeeze("noeviction");
        assertThatThrownBy(() -> j.set("x", "y")).isInstanceOf(JedisDataException.class)
                .hasMessage("OOM command not allowed when used memory > 'maxmemory'.");
        assertThatThrownBy(() -> j.rpush("l", "a")).hasMessageStartingWith("OOM");
        assertThat(j.get("k:1")).isEqualTo("v"); // reads go on
        assertThat(j.del("k:1")).isEqualTo(1); // so do writes that are not denyoom
        assertThat(j.dbSize()).isEqualTo(99);
        assertThat(info("evicted_keys")).isZero();
        j.configSet("maxmemory", "0");
        assertThat(j.set("x", "y")).isEqualTo("OK");
    }

    @Test void evictedKeysAreNotified() {
        j.configSet("notify-keyspace-events", "Ee");
        try (RespClient sub = new RespClient(server.port())) {
            sub.callText("SUBSCRIBE", "__keyevent@0__:evicted");
            j.set("only", "v");
            j.configSet("maxmemory-policy", "allkeys-lru");
            j.configSet("maxmemory", "1");
            j.ping();
            assertThat(sub.readText()).isEqualTo("*3\r\n$7\r\nmessage\r\n$22\r\n__keyevent@0__:evicted\r\n$4\r\nonly\r\n");
            assertThat(j.dbSize()).isZero();
            assertThat(info("evicted_keys")).isEqualTo(1);
        }
        j.configSet("maxmemory", "0");
    }
}
