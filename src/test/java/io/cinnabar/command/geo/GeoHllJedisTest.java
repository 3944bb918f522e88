package io.cinnabar.command.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cinnabar.Cinnabar;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.GeoCoordinate;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.GeoUnit;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.GeoRadiusParam;
import redis.clients.jedis.params.GeoSearchParam;
import redis.clients.jedis.resps.GeoRadiusResponse;

/** GEO and HyperLogLog through Jedis over a real socket. */
class GeoHllJedisTest {
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
        jedis.flushAll();
    }

    @Test void geoRoundTrip() {
        assertThat(jedis.geoadd("Sicily", Map.of("Palermo", new GeoCoordinate(13.361389, 38.115556),
                "Catania", new GeoCoordinate(15.087269, 37.502669)))).isEqualTo(2);
        assertThat(jedis.type("Sicily")).isEqualTo("zset");
        assertThat(jedis.geodist("Sicily", "Palermo", "Catania", GeoUnit.KM)).isEqualTo(166.2742);
        List<GeoCoordinate> pos = jedis.geopos("Sicily", "Palermo", "nosuch");
        assertThat(pos.get(0).getLongitude()).isEqualTo(13.36138933897018433);
        assertThat(pos.get(1)).isNull();
        assertThat(jedis.geohash("Sicily", "Catania")).containsExactly("sqdtr74hyu0");
        List<GeoRadiusResponse> near = jedis.georadius("Sicily", 15, 37, 200, GeoUnit.KM,
                GeoRadiusParam.geoRadiusParam().withDist().sortAscending());
        assertThat(near).extracting(GeoRadiusResponse::getMemberByString).containsExactly("Catania", "Palermo");
        assertThat(near.get(0).getDistance()).isEqualTo(56.4413);
        List<GeoRadiusResponse> box = jedis.geosearch("Sicily", new GeoSearchParam().fromLonLat(15, 37)
                .byBox(400, 400, GeoUnit.KM).desc().count(1));
        assertThat(box).extracting(GeoRadiusResponse::getMemberByString).containsExactly("Palermo");
        assertThat(jedis.geosearchStore("dst", "Sicily", new GeoSearchParam().fromMember("Palermo")
                .byRadius(100, GeoUnit.KM))).isEqualTo(1);
        assertThat(jedis.zrange("dst", 0, -1)).containsExactly("Palermo");
        assertThatThrownBy(() -> jedis.geoadd("Sicily", 200, 100, "x"))
                .isInstanceOf(JedisDataException.class).hasMessageStartingWith("ERR invalid longitude,latitude pair");
    }

    @Test void hyperLogLog() {
        assertThat(jedis.pfadd("h1", "a", "b", "c")).isEqualTo(1);
        assertThat(jedis.pfadd("h1", "a")).isZero();
        assertThat(jedis.pfadd("h2", "c", "d")).isEqualTo(1);
        assertThat(jedis.pfcount("h1")).isEqualTo(3);
        assertThat(jedis.pfcount("h1", "h2")).isEqualTo(4);
        assertThat(jedis.pfmerge("h3", "h1", "h2")).isEqualTo("OK");
        assertThat(jedis.pfcount("h3")).isEqualTo(4);
        assertThat(jedis.get("h3")).startsWith("HYLL");
        for (int i = 0; i < 5000; i++) jedis.pfadd("big", "e" + i);
        long n = jedis.pfcount("big");
        assertThat(n).isBetween(4750L, 5250L);
        jedis.set("str", "plain");
        assertThatThrownBy(() -> jedis.pfcount("str")).isInstanceOf(JedisDataException.class)
                .hasMessage("WRONGTYPE Key is not a valid HyperLogLog string value.");
    }
}
