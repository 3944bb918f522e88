package io.cinnabar.command.sortedsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cinnabar.Cinnabar;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.ZAddParams;
import redis.clients.jedis.resps.Tuple;

/** Sorted sets through Jedis over a real socket, including a set large enough for the skiplist encoding. */
class ZSetJedisTest {
    static Cinnabar server;
    Jedis jedis;

    @BeforeAll static void start() {
        server = Cinnabar.builder().port(0).start();
    }

    @AfterAll static void stop() {
        server.close();
    }

    @BeforeEach void connect() {
        jedis = new Jedis("127.0.0.1", server.port(), 15_000);
        jedis.del("z", "z2", "dst", "big");
    }

    /** The key's encoding, read on the server's thread (null when the key is missing). */
    static String encoding(String key) {
        return server.call(() -> {
            Object v = server.server().db(0).get(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return v == null ? null : ((io.cinnabar.store.TypedValue) v).encoding();
        });
    }

    @Test void basicsAndScores() {
        assertThat(jedis.zadd("z", Map.of("a", 1.0, "b", 2.5, "c", -1.0))).isEqualTo(3);
        assertThat(jedis.zadd("z", 5, "a", ZAddParams.zAddParams().xx().ch())).isEqualTo(1);
        assertThat(jedis.zscore("z", "a")).isEqualTo(5.0);
        assertThat(jedis.zincrby("z", 0.5, "b")).isEqualTo(3.0);
        assertThat(jedis.zrank("z", "c")).isEqualTo(0L);
        assertThat(jedis.zrevrank("z", "c")).isEqualTo(2L);
        assertThat(jedis.zrange("z", 0, -1)).containsExactly("c", "b", "a");
        List<Tuple> ws = jedis.zrangeWithScores("z", 0, -1);
        assertThat(ws).extracting(Tuple::getScore).containsExactly(-1.0, 3.0, 5.0);
        assertThat(jedis.zrangeByScore("z", "(0", "+inf")).containsExactly("b", "a");
        assertThat(jedis.zcount("z", "-inf", "3")).isEqualTo(2);
        assertThat(jedis.zpopmin("z").getElement()).isEqualTo("c");
        assertThat(jedis.zcard("z")).isEqualTo(2);
        assertThat(jedis.zrem("z", "a", "b")).isEqualTo(2);
        assertThat(encoding("z")).isNull();
        assertThatThrownBy(() -> jedis.sendCommand(redis.clients.jedis.Protocol.Command.ZADD, "z", "nx", "xx", "1", "a"))
                .isInstanceOf(JedisDataException.class)
                .hasMessage("ERR XX and NX options at the same time are not compatible");
    }

    @Test void skiplistEncodingAndStore() {
        for (int i = 0; i < 300; i++) jedis.zadd("big", i % 7, "m" + i);
        assertThat(encoding("big")).isEqualTo("skiplist");
        assertThat(jedis.zcard("big")).isEqualTo(300);
        assertThat(jedis.zrange("big", 0, 2)).containsExactly("m0", "m105", "m112");
        assertThat(jedis.zrank("big", "m104")).isEqualTo(258L);
        assertThat(jedis.zremrangeByScore("big", "1", "5")).isEqualTo(215);
        jedis.zadd("z2", 1, "m0");
        assertThat(jedis.zinterstore("dst", "big", "z2")).isEqualTo(1);
        assertThat(encoding("dst")).isEqualTo("listpack");
        assertThat(jedis.zscore("dst", "m0")).isEqualTo(1.0);
    }
}
