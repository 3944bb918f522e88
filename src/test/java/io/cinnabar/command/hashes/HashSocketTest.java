package io.cinnabar.command.hashes;

import static org.assertj.core.api.Assertions.assertThat;

import io.cinnabar.Cinnabar;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** Hashes over a socket with Jedis (RESP2) and Lettuce (RESP3), checked against a java.util model. */
class HashSocketTest {
    static Cinnabar server;

    @BeforeAll static void start() {
        server = Cinnabar.builder().port(0).config("hash-max-listpack-entries", "16").start();
    }

    @AfterAll static void stop() {
        server.close();
    }

    @Test void randomOperationsMatchAModel() {
        Random rnd = new Random(5);
        try (Jedis j = new Jedis("127.0.0.1", server.port(), 15_000)) {
            Map<String, String> model = new HashMap<>();
            for (int op = 0; op < 3000; op++) {
                String f = "f" + rnd.nextInt(60);
                switch (rnd.nextInt(6)) {
                    case 0, 1 -> {
                        String v = rnd.nextInt(20) == 0 ? "x".repeat(100) : "v" + op;
                        assertThat(j.hset("h", f, v)).isEqualTo(model.put(f, v) == null ? 1 : 0);
                    }
                    case 2 -> assertThat(j.hdel("h", f)).isEqualTo(model.remove(f) != null ? 1 : 0);
                    case 3 -> assertThat(j.hget("h", f)).isEqualTo(model.get(f));
                    case 4 -> {
                        long by = rnd.nextInt(100) - 50;
                        String old = model.get(f);
                        if (old == null || old.matches("-?\\d+")) {
                            long nv = (old == null ? 0 : Long.parseLong(old)) + by;
                            assertThat(j.hincrBy("h", f, by)).isEqualTo(nv);
                            model.put(f, Long.toString(nv));
                        }
                    }
                    default -> assertThat(j.hgetAll("h")).isEqualTo(model);
                }
                assertThat(j.hlen("h")).isEqualTo(model.size());
            }
        }
    }

    @Test void hrandfieldCounts() {
        try (Jedis j = new Jedis("127.0.0.1", server.port(), 15_000)) {
            for (int size : new int[] {5, 40}) {
                j.del("r");
                Map<String, String> all = new HashMap<>();
                for (int i = 0; i < size; i++) all.put("f" + i, "v" + i);
                j.hset("r", all);
                for (int count : new int[] {1, 2, size / 2, size - 1, size, size + 3}) {
                    List<String> got = j.hrandfield("r", count);
                    assertThat(got).hasSize(Math.min(count, size)).doesNotHaveDuplicates();
                    assertThat(all.keySet()).containsAll(got);
                    List<Map.Entry<String, String>> pairs = j.hrandfieldWithValues("r", count);
                    assertThat(pairs).hasSize(Math.min(count, size));
                    for (Map.Entry<String, String> e : pairs) assertThat(all.get(e.getKey())).isEqualTo(e.getValue());
                }
                List<String> rep = j.hrandfield("r", -2 * size);
                assertThat(rep).hasSize(2 * size);
                assertThat(all.keySet()).containsAll(rep);
            }
        }
    }

    @Test void hscanCoversALargeHash() {
        try (Jedis j = new Jedis("127.0.0.1", server.port(), 15_000)) {
            j.del("big");
            Map<String, String> all = new HashMap<>();
            for (int i = 0; i < 500; i++) all.put("f" + i, "v" + i);
            j.hset("big", all);
            Map<String, String> seen = new HashMap<>();
            String cursor = "0";
            do {
                ScanResult<Map.Entry<String, String>> r = j.hscan("big", cursor, new ScanParams().count(10));
                r.getResult().forEach(e -> seen.put(e.getKey(), e.getValue()));
                cursor = r.getCursor();
            } while (!cursor.equals("0"));
            assertThat(seen).isEqualTo(all);
        }
    }

    @Test void hgetallIsAMapInResp3() {
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + server.port());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            c.sync().del("m");
            c.sync().hset("m", Map.of("a", "1", "b", "2"));
            assertThat(c.sync().hgetall("m")).isEqualTo(Map.of("a", "1", "b", "2"));
            assertThat(c.sync().hrandfieldWithvalues("m", 2)).hasSize(2);
        } finally {
            client.shutdown();
        }
    }
}
