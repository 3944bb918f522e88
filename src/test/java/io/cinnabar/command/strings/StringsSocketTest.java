package io.cinnabar.command.strings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cinnabar.Cinnabar;
import io.cinnabar.server.Propagator;
import io.cinnabar.store.MutableString;
import io.cinnabar.time.ManualClock;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.BitOP;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.GetExParams;

/** String and bitmap commands over a socket with Jedis: replies, TTLs on a manual clock, propagation, stats. */
class StringsSocketTest {
    static final ManualClock clock = new ManualClock();
    static Cinnabar server;
    static final StringBuilder stream = new StringBuilder();
    static Jedis jedis;

    @BeforeAll static void start() {
        server = Cinnabar.builder().port(0).clock(clock).start();
        Propagator.Sink sink = (ByteBuf commands, int db) -> stream.append(commands.toString(StandardCharsets.ISO_8859_1));
        server.call(() -> {
            server.server().propagator().addSink(sink);
            return null;
        });
        jedis = new Jedis("127.0.0.1", server.port(), 15_000);
    }

    @AfterAll static void stop() {
        if (jedis != null) jedis.close();
        if (server != null) server.close();
    }

    @BeforeEach void clearStream() {
        server.call(() -> {
            stream.setLength(0);
            return null;
        });
    }

    private static String resp(String... argv) {
        StringBuilder sb = new StringBuilder("*").append(argv.length).append("\r\n");
        for (String a : argv) sb.append('$').append(a.length()).append("\r\n").append(a).append("\r\n");
        return sb.toString();
    }

    private static String propagated() {
        return server.call(stream::toString);
    }

    private static Object stored(String key) {
        return server.call(() -> server.server().db(0).get(key.getBytes(StandardCharsets.UTF_8)));
    }

    private static long expireAt(String key) {
        return server.call(() -> server.server().db(0).lookup(key.getBytes(StandardCharsets.UTF_8)).expireAt());
    }

    @Test void appendAndRangesGrowInPlace() {
        jedis.del("s");
        assertThat(jedis.append("s", "hello")).isEqualTo(5);
        assertThat(stored("s")).isInstanceOf(byte[].class);
        assertThat(jedis.append("s", " world")).isEqualTo(11);
        assertThat(stored("s")).isInstanceOf(MutableString.class);
        assertThat(jedis.getrange("s", -5, -1)).isEqualTo("world");
        assertThat(jedis.setrange("s", 13, "!")).isEqualTo(14);
        assertThat(jedis.get("s".getBytes())).isEqualTo("hello world\0\0!".getBytes());
        assertThat(jedis.strlen("s")).isEqualTo(14);
        assertThat(jedis.objectEncoding("s")).isEqualTo("raw");
    }

    @Test void countersKeepTheirTtlAndOverflowIsRefused() {
        jedis.set("n", "10", redis.clients.jedis.params.SetParams.setParams().px(10_000));
        long at = expireAt("n");
        assertThat(jedis.incrBy("n", 5)).isEqualTo(15);
        assertThat(jedis.decr("n")).isEqualTo(14);
        assertThat(expireAt("n")).isEqualTo(at);
        jedis.set("n", Long.toString(Long.MAX_VALUE));
        assertThatThrownBy(() -> jedis.incr("n")).isInstanceOf(JedisDataException.class)
                .hasMessage("ERR increment or decrement would overflow");
        assertThatThrownBy(() -> jedis.decrBy("n", Long.MIN_VALUE)).hasMessage("ERR decrement would overflow");
        jedis.set("n", "1.5");
        assertThatThrownBy(() -> jedis.incr("n")).hasMessage("ERR value is not an integer or out of range");
    }

    @Test void incrByFloatPropagatesAsSetKeepTtl() {
        jedis.set("f", "10.50");
        assertThat(jedis.incrByFloat("f", 0.1)).isEqualTo(10.6);
        assertThat(propagated()).contains(resp("SET", "f", "10.6", "KEEPTTL")).doesNotContain("INCRBYFLOAT");
        assertThatThrownBy(() -> jedis.incrByFloat("f", Double.POSITIVE_INFINITY))
                .hasMessage("ERR increment would produce NaN or Infinity");
    }

    @Test void setexAndPsetexExpireOnTheClockAndPropagateAbsolute() {
        jedis.setex("e", 10, "v");
        long at = clock.millis() + 10_000;
        assertThat(expireAt("e")).isEqualTo(at);
        assertThat(propagated()).contains(resp("SET", "e", "v", "PXAT", Long.toString(at)));
        jedis.psetex("p", 1500, "w");
        clock.advance(1501);
        assertThat(jedis.get("p")).isNull();
        assertThat(jedis.get("e")).isEqualTo("v");
        assertThatThrownBy(() -> jedis.setex("e", 0, "v")).hasMessage("ERR invalid expire time in 'setex' command");
        assertThatThrownBy(() -> jedis.psetex("e", -1, "v")).hasMessage("ERR invalid expire time in 'psetex' command");
    }

    @Test void getexRewritesItsPropagation() {
        jedis.set("g", "v");
        assertThat(jedis.getEx("g", GetExParams.getExParams().ex(100))).isEqualTo("v");
        long at = clock.millis() + 100_000;
        assertThat(propagated()).contains(resp("PEXPIREAT", "g", Long.toString(at)));
        clearStream();
        assertThat(jedis.getEx("g", GetExParams.getExParams().persist())).isEqualTo("v");
        assertThat(expireAt("g")).isZero();
        assertThat(propagated()).contains(resp("PERSIST", "g"));
        clearStream();
        assertThat(jedis.getEx("g", GetExParams.getExParams().persist())).isEqualTo("v");
        assertThat(jedis.getEx("g", GetExParams.getExParams())).isEqualTo("v");
        assertThat(propagated()).isEmpty(); // nothing changed, nothing propagated
        assertThat(jedis.getEx("g", GetExParams.getExParams().pxAt(clock.millis() - 1))).isEqualTo("v");
        assertThat(jedis.exists("g")).isFalse();
        assertThat(propagated()).contains(resp("DEL", "g"));
    }

    @Test void getdelAndGetsetPropagation() {
        jedis.set("d", "1");
        assertThat(jedis.getDel("d")).isEqualTo("1");
        assertThat(jedis.getDel("d")).isNull();
        assertThat(propagated()).contains(resp("DEL", "d")).doesNotContain("GETDEL");
        clearStream();
        jedis.setex("gs", 100, "old");
        assertThat(jedis.getSet("gs", "new")).isEqualTo("old");
        assertThat(jedis.ttl("gs")).isEqualTo(-1);
        assertThat(propagated()).contains(resp("SET", "gs", "new"));
    }

    @Test void multiKeyCommands() {
        jedis.del("m1", "m2", "m3");
        jedis.sadd("mset", "x");
        assertThat(jedis.mset("m1", "a", "m2", "b")).isEqualTo("OK");
        assertThat(jedis.mget("m1", "mset", "m2", "m3")).containsExactly("a", null, "b", null);
        assertThat(jedis.msetnx("m3", "c", "m1", "z")).isZero();
        assertThat(jedis.get("m3")).isNull();
        assertThat(jedis.msetnx("m3", "c", "m4", "d")).isEqualTo(1);
        assertThat(jedis.setnx("m3", "x")).isZero();
    }

    @Test void keyspaceHitsAndMisses() {
        jedis.set("h", "v");
        jedis.del("nothere");
        long[] before = server.call(() -> new long[] {server.server().stats().keyspaceHits, server.server().stats().keyspaceMisses});
        jedis.strlen("h");
        jedis.getrange("nothere", 0, 1);
        jedis.mget("h", "nothere", "h");
        jedis.getbit("h", 3);
        long[] after = server.call(() -> new long[] {server.server().stats().keyspaceHits, server.server().stats().keyspaceMisses});
        assertThat(after[0] - before[0]).isEqualTo(4);
        assertThat(after[1] - before[1]).isEqualTo(2);
    }

    @Test void bitmaps() {
        jedis.del("b", "b2", "dest");
        assertThat(jedis.setbit("b", 7, true)).isFalse();
        assertThat(jedis.setbit("b", 7, true)).isTrue();
        assertThat(jedis.getbit("b", 7)).isTrue();
        assertThat(jedis.getbit("b", 1000)).isFalse();
        assertThat(jedis.bitcount("b")).isEqualTo(1);
        assertThat(jedis.bitpos("b", true)).isEqualTo(7);
        assertThat(jedis.bitpos("b", false)).isZero();
        jedis.set("b2".getBytes(), new byte[] {(byte) 0xFF});
        assertThat(jedis.bitop(BitOP.XOR, "dest", "b", "b2")).isEqualTo(1);
        assertThat(jedis.get("dest".getBytes())).containsExactly((byte) 0xFE);
        assertThat(jedis.objectEncoding("dest")).isEqualTo("raw");
        List<Long> r = jedis.bitfield("bf", "SET", "i5", "#1", "-3", "GET", "i5", "#1", "OVERFLOW", "FAIL", "INCRBY", "u2", "0", "7");
        assertThat(r).containsExactly(0L, -3L, null);
        assertThat(jedis.bitfieldReadonly("bf", "GET", "i5", "5")).containsExactly(-3L);
        assertThatThrownBy(() -> jedis.bitfieldReadonly("bf", "SET", "u8", "0", "1"))
                .hasMessage("ERR BITFIELD_RO only supports the GET subcommand");
    }

    @Test void lcs() {
        jedis.mset("l1", "ohmytext", "l2", "mynewtext");
        assertThat(jedis.sendCommand(() -> "LCS".getBytes(), "l1", "l2")).isEqualTo("mytext".getBytes());
        assertThat(jedis.sendCommand(() -> "LCS".getBytes(), "l1", "l2", "LEN")).isEqualTo(6L);
    }
}
