package io.cinnabar.command.sets;

import static org.assertj.core.api.Assertions.assertThat;

import io.cinnabar.Cinnabar;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** Sets over a socket with Jedis, checked against a java.util model. */
class SetSocketTest {
    static Cinnabar server;

    @BeforeAll static void start() {
        server = Cinnabar.builder().port(0).config("set-max-intset-entries", "16").start();
    }

    @AfterAll static void stop() {
        server.close();
    }

    @Test void randomOperationsMatchAModel() {
        Random rnd = new Random(3);
        try (Jedis j = new Jedis("127.0.0.1", server.port(), 15_000)) {
            List<Set<String>> model = List.of(new HashSet<>(), new HashSet<>(), new HashSet<>());
            String[] keys = {"m0", "m1", "m2"};
            for (int op = 0; op < 3000; op++) {
                int k = rnd.nextInt(3);
                String m = rnd.nextInt(4) == 0 ? "w" + rnd.nextInt(30) : Integer.toString(rnd.nextInt(40));
                switch (rnd.nextInt(8)) {
                    case 0, 1, 2 -> assertThat(j.sadd(keys[k], m)).isEqualTo(model.get(k).add(m) ? 1 : 0);
                    case 3 -> assertThat(j.srem(keys[k], m)).isEqualTo(model.get(k).remove(m) ? 1 : 0);
                    case 4 -> {
                        String p = j.spop(keys[k]);
                        if (model.get(k).isEmpty()) assertThat(p).isNull();
                        else assertThat(model.get(k).remove(p)).isTrue();
                    }
                    case 5 -> {
                        int to = rnd.nextInt(3);
                        boolean moved = model.get(k).contains(m);
                        assertThat(j.smove(keys[k], keys[to], m)).isEqualTo(moved ? 1 : 0);
                        if (moved && to != k) {
                            model.get(k).remove(m);
                            model.get(to).add(m);
                        }
                    }
                    case 6 -> {
                        Set<String> inter = new HashSet<>(model.get(0));
                        inter.retainAll(model.get(1));
                        assertThat(j.sinter("m0", "m1")).isEqualTo(inter);
                        Set<String> diff = new HashSet<>(model.get(0));
                        diff.removeAll(model.get(2));
                        assertThat(j.sdiff("m0", "m2")).isEqualTo(diff);
                        Set<String> union = new HashSet<>(model.get(1));
                        union.addAll(model.get(2));
                        assertThat(j.sunion("m1", "m2")).isEqualTo(union);
                    }
                    default -> assertThat(j.smembers(keys[k])).isEqualTo(model.get(k));
                }
                assertThat(j.scard(keys[k])).isEqualTo(model.get(k).size());
            }
        }
    }

    @Test void srandmemberAndSpopCounts() {
        try (Jedis j = new Jedis("127.0.0.1", server.port(), 15_000)) {
            for (int size : new int[] {5, 14, 100}) {
                j.del("r");
                Set<String> all = new HashSet<>();
                for (int i = 0; i < size; i++) all.add(size > 20 && i % 2 == 0 ? "e" + i : Integer.toString(i));
                j.sadd("r", all.toArray(new String[0]));
                for (int count : new int[] {1, 2, size / 3, size / 2, size - 1, size, size + 5}) {
                    List<String> got = j.srandmember("r", count);
                    assertThat(got).hasSize(Math.min(count, size)).doesNotHaveDuplicates();
                    assertThat(all).containsAll(got);
                }
                List<String> rep = j.srandmember("r", -3 * size);
                assertThat(rep).hasSize(3 * size);
                assertThat(all).containsAll(rep);
                Set<String> popped = new HashSet<>();
                for (int count : new int[] {1, size / 4, size / 2}) {
                    Set<String> p = j.spop("r", count);
                    assertThat(p).hasSize(count);
                    assertThat(popped.addAll(p)).isTrue();
                }
                Set<String> rest = new HashSet<>(all);
                rest.removeAll(popped);
                assertThat(j.smembers("r")).isEqualTo(rest);
                assertThat(j.spop("r", size)).isEqualTo(rest);
                assertThat(j.del("r")).isZero();
            }
        }
    }

    @Test void sscanReturnsEverythingOfALargeSet() {
        try (Jedis j = new Jedis("127.0.0.1", server.port(), 15_000)) {
            j.del("big");
            Set<String> all = new HashSet<>();
            for (int i = 0; i < 1000; i++) all.add("m" + i);
            j.sadd("big", all.toArray(new String[0]));
            Set<String> seen = new HashSet<>();
            String cursor = "0";
            int calls = 0;
            do {
                ScanResult<String> r = j.sscan("big", cursor, new ScanParams().count(20));
                seen.addAll(r.getResult());
                cursor = r.getCursor();
                calls++;
            } while (!cursor.equals("0"));
            assertThat(seen).isEqualTo(all);
            assertThat(calls).isGreaterThan(10);
            List<String> matched = new ArrayList<>();
            cursor = "0";
            do {
                ScanResult<String> r = j.sscan("big", cursor, new ScanParams().match("m1?").count(100));
                matched.addAll(r.getResult());
                cursor = r.getCursor();
            } while (!cursor.equals("0"));
            assertThat(matched).hasSize(10);
        }
    }
}
