package io.cinnabar.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cinnabar.Cinnabar;
import io.cinnabar.testing.RespClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** maxmemory-clients: per-client memory accounting, buckets, CLIENT NO-EVICT, evicted_clients. */
class ClientEvictionTest {
    private Cinnabar server;
    private RespClient control;
    private final List<RespClient> clients = new ArrayList<>();

    @BeforeEach void start() {
        server = Cinnabar.builder().port(0).start();
        control = new RespClient(server.port());
        assertThat(control.callText("CLIENT", "SETNAME", "control")).isEqualTo("+OK\r\n");
        assertThat(control.callText("CLIENT", "NO-EVICT", "ON")).isEqualTo("+OK\r\n");
    }

    @AfterEach void stop() {
        clients.forEach(RespClient::close);
        control.close();
        server.close();
    }

    /** A named client holding a partly sent argument of {@code size} bytes in its query buffer. */
    private RespClient withPartialArg(String name, int size) {
        RespClient c = new RespClient(server.port());
        clients.add(c);
        assertThat(c.callText("CLIENT", "SETNAME", name)).isEqualTo("+OK\r\n");
        byte[] body = new byte[size];
        java.util.Arrays.fill(body, (byte) 'v');
        c.sendText("*2\r\n$" + size + "\r\n");
        c.send(body);
        waitFor(() -> field(name, "qbuf") == size);
        return c;
    }

    private long field(String name, String f) {
        String list = new String(control.call("CLIENT", "LIST"), StandardCharsets.UTF_8);
        for (String line : list.split("\n")) {
            if (!line.contains(" name=" + name + " ")) continue;
            Matcher m = Pattern.compile(" " + f + "=(\\d+)").matcher(line);
            if (m.find()) return Long.parseLong(m.group(1));
        }
        return -1;
    }

    private boolean exists(String name) {
        return field(name, "tot-mem") >= 0;
    }

    private long evictedClients() {
        String info = control.callText("INFO", "stats");
        Matcher m = Pattern.compile("evicted_clients:(\\d+)").matcher(info);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static void waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test void clientOverTheLimitIsEvictedOthersStay() {
        control.callText("CONFIG", "SET", "maxmemory-clients", "1mb");
        withPartialArg("small", 100_000);
        RespClient big = new RespClient(server.port());
        clients.add(big);
        big.callText("CLIENT", "SETNAME", "big");
        big.sendText("*2\r\n$2000000\r\n");
        big.send(new byte[1_100_000]);
        assertThat(big.isClosedByServer()).isTrue();
        waitFor(() -> !exists("big"));
        assertThat(exists("small")).isTrue();
        assertThat(evictedClients()).isEqualTo(1);
        assertThat(field("small", "tot-mem")).isGreaterThanOrEqualTo(100_000);
    }

    @Test void noEvictClientStaysOverTheLimitUntilItTurnsItOff() {
        control.callText("CONFIG", "SET", "maxmemory-clients", "200kb");
        RespClient c = new RespClient(server.port());
        clients.add(c);
        c.callText("CLIENT", "SETNAME", "keeper");
        assertThat(c.callText("CLIENT", "NO-EVICT", "ON")).isEqualTo("+OK\r\n");
        c.sendText("*3\r\n$3\r\nset\r\n$1\r\nk\r\n$400000\r\n");
        c.send(new byte[400_000]);
        waitFor(() -> field("keeper", "qbuf") == 400_000);
        assertThat(field("keeper", "tot-mem")).isGreaterThan(200 * 1024);
        assertThat(evictedClients()).isZero();
        assertThat(control.callText("CLIENT", "NO-EVICT", "maybe")).isEqualTo("-ERR syntax error\r\n");
    }

    @Test void loweringTheLimitEvictsLargestFirstAndOnlyUntilBelow() {
        withPartialArg("s1", 40_000);
        withPartialArg("s2", 40_000);
        withPartialArg("m1", 300_000);
        withPartialArg("l1", 1_200_000);
        withPartialArg("l2", 1_200_000);
        long total = 0;
        for (String n : new String[] {"control", "s1", "s2", "m1", "l1", "l2"}) total += field(n, "tot-mem");
        // room for everyone but one of the two largest
        long limit = total - field("l1", "tot-mem") / 2;
        control.callText("CONFIG", "SET", "maxmemory-clients", Long.toString(limit));
        waitFor(() -> !exists("l1"));
        assertThat(exists("l2")).isTrue(); // same bucket as l1, but one was enough: l1 went first
        assertThat(exists("m1") && exists("s1") && exists("s2")).isTrue();
        assertThat(evictedClients()).isEqualTo(1);
        // a percentage of maxmemory: 5% of 4mb (about 210k) leaves room for the two small ones only
        control.callText("CONFIG", "SET", "maxmemory", "4mb");
        control.callText("CONFIG", "SET", "maxmemory-clients", "5%");
        waitFor(() -> !exists("m1"));
        assertThat(exists("l2")).isFalse();
        assertThat(exists("s1") && exists("s2")).isTrue();
        assertThat(evictedClients()).isEqualTo(3);
    }

    @Test void bucketsAreLog2OfMemoryFrom32kTo4g() {
        assertThat(ClientEviction.bucketOf(0)).isZero();
        assertThat(ClientEviction.bucketOf(32 * 1024 - 1)).isZero();
        assertThat(ClientEviction.bucketOf(32 * 1024)).isEqualTo(1);
        assertThat(ClientEviction.bucketOf(64 * 1024 - 1)).isEqualTo(1);
        assertThat(ClientEviction.bucketOf(64 * 1024)).isEqualTo(2);
        assertThat(ClientEviction.bucketOf(Long.MAX_VALUE)).isEqualTo(18);
    }
}
