package io.cinnabar.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.cinnabar.Cinnabar;
import io.cinnabar.store.MemoryEstimate;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * The memory accounting stays consistent: after random workloads over every type, the keyspace
 * part of used_memory equals the sum of MEMORY USAGE over the keys plus the expires entries, and
 * an emptied server is back at its baseline.
 */
class AccountingTest {
    static Cinnabar server;
    static Jedis j;

    @BeforeAll static void start() {
        server = Cinnabar.builder().port(0).start();
        j = new Jedis("127.0.0.1", server.port(), 15_000);
    }

    @AfterAll static void stop() {
        j.close();
        server.close();
    }

    private static long info(String field) {
        for (String line : j.info("memory").split("\r\n")) {
            if (line.startsWith(field + ":")) return Long.parseLong(line.substring(field.length() + 1));
        }
        throw new AssertionError(field);
    }

    private static long keyspaceBytes() {
        return info("used_memory") - info("used_memory_startup") - info("mem_clients_normal");
    }

    private static long sumOfMemoryUsage() {
        long sum = 0;
        long volatileKeys = 0;
        for (String k : j.keys("*")) {
            sum += j.memoryUsage(k);
            if (j.ttl(k) >= 0) volatileKeys++;
        }
        return sum + volatileKeys * MemoryEstimate.EXPIRE_ENTRY;
    }

    @Test void usedMemoryIsTheSumOfMemoryUsageAfterRandomWorkloads() {
        j.flushAll();
        assertThat(keyspaceBytes()).isZero();
        Random r = new Random(42);
        for (int op = 0; op < 4000; op++) {
            String k = "k" + r.nextInt(60);
            String v = "v".repeat(r.nextInt(40));
            try {
                switch (r.nextInt(16)) {
                    case 0 -> j.set(k, v);
                    case 1 -> j.append(k, v);
                    case 2 -> j.incr(k);
                    case 3 -> j.rpush(k, v, v + "x");
                    case 4 -> j.lpop(k);
                    case 5 -> j.hset(k, "f" + r.nextInt(200), v);
                    case 6 -> j.hdel(k, "f" + r.nextInt(200));
                    case 7 -> j.sadd(k, String.valueOf(r.nextInt(1000)), v);
                    case 8 -> j.srem(k, v);
                    case 9 -> j.zadd(k, r.nextInt(100), "m" + r.nextInt(300));
                    case 10 -> j.zrem(k, "m" + r.nextInt(300));
                    case 11 -> j.del(k);
                    case 12 -> j.expire(k, 1000);
                    case 13 -> j.persist(k);
                    case 14 -> j.rename(k, "k" + r.nextInt(60));
                    default -> j.setrange(k, r.nextInt(100), v);
                }
            } catch (redis.clients.jedis.exceptions.JedisDataException wrongTypeOrNoKey) {
                // WRONGTYPE, or RENAME of a missing key: nothing changed
            }
        }
        assertThat(j.dbSize()).isGreaterThan(20);
        // every key's accounted size is its current estimate: no write went unrecorded
        java.util.List<String> drift = server.call(() -> {
            java.util.List<String> d = new java.util.ArrayList<>();
            server.server().db(0).keys().forEach(e -> {
                long now = MemoryEstimate.keyUsage(e.key(), e.value(), MemoryEstimate.DEFAULT_SAMPLES);
                if (now != e.accountedBytes()) d.add(new String(e.key()) + " " + e.type() + " " + e.accountedBytes());
            });
            return d;
        });
        assertThat(drift).isEmpty();
        assertThat(keyspaceBytes()).isEqualTo(sumOfMemoryUsage());
        j.flushAll();
        assertThat(keyspaceBytes()).isZero();
    }

    @Test void bigCollectionsAreAccountedByTheirSize() {
        j.flushAll();
        String[] members = new String[1000];
        for (int i = 0; i < members.length; i++) members[i] = String.format("member-%04d", i);
        for (int i = 0; i < 100; i++) j.rpush("list", members);
        for (int i = 0; i < 100; i++) j.sadd("set", members[i] + ":" + i);
        long listUsage = j.memoryUsage("list");
        assertThat(listUsage).isGreaterThan(100_000L * 24).isLessThan(100_000L * 64);
        assertThat(keyspaceBytes()).isEqualTo(sumOfMemoryUsage());
        // SAMPLES 0 looks at every element; the list's elements are alike, so the estimate agrees
        assertThat(j.memoryUsage("list", 0)).isBetween(listUsage * 9 / 10, listUsage * 11 / 10);
        assertThat(j.unlink("list")).isEqualTo(1);
        assertThat(keyspaceBytes()).isEqualTo(j.memoryUsage("set"));
    }
}
