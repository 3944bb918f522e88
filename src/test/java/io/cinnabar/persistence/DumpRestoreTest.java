package io.cinnabar.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cinnabar.Cinnabar;
import io.cinnabar.testing.RealRedis;
import io.cinnabar.testing.RespClient;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** DUMP from one server RESTOREs into the other, both ways. */
class DumpRestoreTest {
    private static byte[] bulkBody(byte[] reply) {
        String s = new String(reply, java.nio.charset.StandardCharsets.ISO_8859_1);
        int start = s.indexOf("\r\n") + 2;
        return Arrays.copyOfRange(reply, start, reply.length - 2);
    }

    private static void fill(RespClient c) {
        c.call("SET", "s", "x".repeat(300));
        c.call("SET", "n", "42");
        c.call("HSET", "h", "a", "1", "b", "two");
        c.call("SADD", "si", "1", "2", "3");
        c.call("SADD", "ss", "x", "y");
    }

    private static void copyAll(RespClient from, RespClient to) {
        for (String k : new String[] {"s", "n", "h", "si", "ss"}) {
            byte[] payload = bulkBody(from.call("DUMP", k));
            assertThat(new String(to.call("RESTORE".getBytes(), (k + "-copy").getBytes(), "0".getBytes(), payload)))
                    .as("restore %s", k).isEqualTo("+OK\r\n");
        }
        assertThat(to.callText("GET", "s-copy")).isEqualTo("$300\r\n" + "x".repeat(300) + "\r\n");
        assertThat(to.callText("GET", "n-copy")).isEqualTo("$2\r\n42\r\n");
        assertThat(to.callText("HGET", "h-copy", "b")).isEqualTo("$3\r\ntwo\r\n");
        assertThat(to.callText("SCARD", "si-copy")).isEqualTo(":3\r\n");
        assertThat(to.callText("SISMEMBER", "ss-copy", "y")).isEqualTo(":1\r\n");
    }

    @Test void bothWays() {
        assumeTrue(RealRedis.available());
        try (Cinnabar ours = Cinnabar.builder().port(0).start(); RealRedis redis = RealRedis.start();
             RespClient a = new RespClient(ours.port()); RespClient b = new RespClient(redis.port())) {
            fill(a);
            fill(b);
            copyAll(a, b);
            copyAll(b, a);
        }
    }

    @Test void errorsInRedisOrder() {
        try (Cinnabar ours = Cinnabar.builder().port(0).start(); RespClient c = new RespClient(ours.port())) {
            c.call("SET", "k", "v");
            assertThat(c.callText("RESTORE", "k", "0", "junk")).isEqualTo("-BUSYKEY Target key name already exists.\r\n");
            assertThat(c.callText("RESTORE", "k2", "-1", "junk")).isEqualTo("-ERR Invalid TTL value, must be >= 0\r\n");
            assertThat(c.callText("RESTORE", "k2", "0", "junk"))
                    .isEqualTo("-ERR DUMP payload version or checksum are wrong\r\n");
            assertThat(c.callText("RESTORE", "k2", "0", "junk", "FOO")).isEqualTo("-ERR syntax error\r\n");
            assertThat(c.callText("DUMP", "nokey")).isEqualTo("$-1\r\n");
        }
    }
}
