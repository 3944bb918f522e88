package io.cinnabar.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cinnabar.Cinnabar;
import io.cinnabar.testing.RealRedis;
import io.cinnabar.testing.RespClient;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Streams (entries, tombstones, metadata, groups, PELs) survive DUMP/RESTORE between us and Redis, both ways. */
class StreamDumpRestoreTest {
    private static byte[] bulkBody(byte[] reply) {
        String s = new String(reply, java.nio.charset.StandardCharsets.ISO_8859_1);
        int start = s.indexOf("\r\n") + 2;
        return Arrays.copyOfRange(reply, start, reply.length - 2);
    }

    private static void fill(RespClient c) {
        for (int i = 1; i <= 250; i++) c.call("XADD", "st", i + "-" + (i % 3), "f", "v" + i, "g", Integer.toString(i));
        c.call("XDEL", "st", "5-2", "250-1");
        c.call("XADD", "st", "18446744073709551615-3", "last", "x");
        c.call("XGROUP", "CREATE", "st", "g1", "0");
        c.call("XGROUP", "CREATE", "st", "g2", "$", "ENTRIESREAD", "-1");
        c.call("XREADGROUP", "GROUP", "g1", "alice", "COUNT", "3", "STREAMS", "st", ">");
        c.call("XREADGROUP", "GROUP", "g1", "bob", "COUNT", "2", "STREAMS", "st", ">");
        c.call("XGROUP", "CREATECONSUMER", "st", "g1", "carol");
        c.call("XADD", "empty", "MAXLEN", "0", "7-7", "a", "b");
    }

    private static final String[][] PROBES = {
        {"XLEN", "st"}, {"XRANGE", "st", "-", "+", "COUNT", "5"}, {"XREVRANGE", "st", "+", "-", "COUNT", "3"},
        {"XINFO", "GROUPS", "st"}, {"XPENDING", "st", "g1"}, {"XLEN", "empty"},
    };

    private static void copyAndCompare(RespClient from, RespClient to) {
        for (String k : new String[] {"st", "empty"}) {
            byte[] payload = bulkBody(from.call("DUMP", k));
            to.call("DEL", k);
            assertThat(new String(to.call("RESTORE".getBytes(), k.getBytes(), "0".getBytes(), payload)))
                    .as("restore %s", k).isEqualTo("+OK\r\n");
        }
        for (String[] p : PROBES) assertThat(to.callText(p)).as(String.join(" ", p)).isEqualTo(from.callText(p));
        String info = to.callText("XINFO", "STREAM", "empty");
        assertThat(info).contains("7-7").contains("entries-added\r\n:1");
    }

    @Test void bothWays() {
        assumeTrue(RealRedis.available());
        try (Cinnabar ours = Cinnabar.builder().port(0).start(); RealRedis redis = RealRedis.start();
             RespClient a = new RespClient(ours.port()); RespClient b = new RespClient(redis.port())) {
            fill(b);
            copyAndCompare(b, a);
            b.call("FLUSHALL");
            a.call("DEL", "st", "empty");
            fill(a);
            copyAndCompare(a, b);
        }
    }
}
