package io.cinnabar.command.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.cinnabar.Cinnabar;
import io.cinnabar.server.Propagator;
import io.cinnabar.testing.RespClient;
import io.cinnabar.time.ManualClock;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Streams over a socket with a manual clock: ID generation, blocking reads, the PEL, propagation. */
class StreamSocketTest {
    static final ManualClock clock = new ManualClock(1_000_000);
    static Cinnabar server;
    static final List<String> propagated = new ArrayList<>();
    final List<RespClient> clients = new ArrayList<>();

    @BeforeAll static void start() {
        server = Cinnabar.builder().port(0).clock(clock).start();
        server.call(() -> {
            server.server().propagator().addSink((ByteBuf buf, int db) -> {
                synchronized (propagated) {
                    propagated.add(buf.toString(buf.readerIndex(), buf.readableBytes(), StandardCharsets.UTF_8));
                }
            });
            return null;
        });
    }

    @AfterAll static void stop() {
        server.close();
    }

    @AfterEach void closeClients() {
        for (RespClient c : clients) c.close();
        clients.clear();
        waitFor(StreamSocketTest::blocked, 0);
    }

    RespClient client() {
        RespClient c = new RespClient(server.port());
        clients.add(c);
        return c;
    }

    static int blocked() {
        return server.call(() -> server.server().blocking().blockedClients());
    }

    static void waitFor(IntSupplier value, int expected) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (value.getAsInt() != expected) {
            if (System.nanoTime() > deadline) throw new AssertionError("expected " + expected + " but was " + value.getAsInt());
            Thread.onSpinWait();
        }
    }

    static void block(RespClient c, int n, String... cmd) {
        c.send(RespClient.encode(RespClient.args(cmd)));
        waitFor(StreamSocketTest::blocked, n);
    }

    static String bulk(String s) {
        return "$" + s.length() + "\r\n" + s + "\r\n";
    }

    static String propagation() {
        synchronized (propagated) {
            String all = String.join("", propagated);
            propagated.clear();
            return all;
        }
    }

    @Test void idsStayIncreasingWithinOneMillisecondAndWhenTheClockGoesBack() {
        RespClient c = client();
        clock.set(5_000_000);
        assertThat(c.callText("XADD", "s", "*", "f", "1")).isEqualTo(bulk("5000000-0"));
        assertThat(c.callText("XADD", "s", "*", "f", "2")).isEqualTo(bulk("5000000-1"));
        assertThat(c.callText("XADD", "s", "*", "f", "3")).isEqualTo(bulk("5000000-2"));
        clock.set(4_000_000); // the clock goes back: keep the last millisecond, bump the sequence
        assertThat(c.callText("XADD", "s", "*", "f", "4")).isEqualTo(bulk("5000000-3"));
        assertThat(c.callText("XADD", "s", "5000000-*", "f", "5")).isEqualTo(bulk("5000000-4"));
        assertThat(c.callText("XADD", "s", "6000000-*", "f", "6")).isEqualTo(bulk("6000000-0"));
        clock.set(7_000_000);
        assertThat(c.callText("XADD", "s", "*", "f", "7")).isEqualTo(bulk("7000000-0"));
        assertThat(c.callText("XADD", "s", "7000000-0", "f", "8"))
                .isEqualTo("-ERR The ID specified in XADD is equal or smaller than the target stream top item\r\n");
        assertThat(c.callText("XADD", "t", "0-0", "f", "8"))
                .isEqualTo("-ERR The ID specified in XADD must be greater than 0-0\r\n");
        assertThat(c.callText("XADD", "t", "1-x", "f", "8"))
                .isEqualTo("-ERR Invalid stream ID specified as stream command argument\r\n");
        assertThat(c.callText("EXISTS", "t")).isEqualTo(":0\r\n");
        assertThat(c.callText("XLEN", "s")).isEqualTo(":7\r\n");
        assertThat(c.callText("OBJECT", "ENCODING", "s")).isEqualTo(bulk("stream"));
        assertThat(c.callText("TYPE", "s")).isEqualTo("+stream\r\n");
    }

    @Test void autoIdsArePropagatedAsTheIdTheyGotAndApproxTrimsAsExact() {
        RespClient c = client();
        clock.set(9_000_000);
        propagation();
        c.callText("XADD", "p", "*", "a", "1");
        assertThat(propagation()).contains(bulk("9000000-0")).doesNotContain("$1\r\n*\r\n");
        for (int i = 0; i < 300; i++) c.callText("XADD", "p", "*", "a", "1");
        propagation();
        c.callText("XADD", "p", "MAXLEN", "~", "150", "*", "a", "1");
        String p = propagation();
        assertThat(p).contains("$1\r\n=\r\n").contains(bulk("MAXLEN"));
        long len = Long.parseLong(c.callText("XLEN", "p").substring(1).trim());
        assertThat(p).contains(bulk(Long.toString(len)));
    }

    @Test void blockedXreadClientsAreServedByXaddInOrder() {
        RespClient a = client(), b = client(), w = client();
        w.callText("XADD", "bs", "1-0", "old", "x");
        block(a, 1, "XREAD", "BLOCK", "0", "STREAMS", "other", "bs", "$", "$");
        block(b, 2, "XREAD", "COUNT", "5", "BLOCK", "0", "STREAMS", "bs", "$");
        w.callText("XADD", "bs", "2-0", "new", "y");
        String expected = "*1\r\n*2\r\n" + bulk("bs") + "*1\r\n*2\r\n" + bulk("2-0") + "*2\r\n" + bulk("new") + bulk("y");
        assertThat(a.readText()).isEqualTo(expected);
        assertThat(b.readText()).isEqualTo(expected);
        assertThat(blocked()).isZero();
    }

    @Test void blockedXreadTimesOutWithNil() {
        RespClient a = client();
        block(a, 1, "XREAD", "BLOCK", "1000", "STREAMS", "nothing", "$");
        clock.advance(1001);
        assertThat(a.readText()).isEqualTo("*-1\r\n");
    }

    @Test void blockedXreadgroupConsumersShareNewEntries() {
        RespClient a = client(), b = client(), w = client();
        w.callText("XGROUP", "CREATE", "gs", "g", "$", "MKSTREAM");
        block(a, 1, "XREADGROUP", "GROUP", "g", "alice", "BLOCK", "0", "STREAMS", "gs", ">");
        block(b, 2, "XREADGROUP", "GROUP", "g", "bob", "BLOCK", "0", "STREAMS", "gs", ">");
        propagation();
        w.callText("XADD", "gs", "1-0", "f", "v");
        assertThat(a.readText()).contains(bulk("1-0"));
        assertThat(blocked()).isEqualTo(1); // bob keeps waiting: the entry went to alice
        String p = propagation();
        assertThat(p).contains(bulk("XCLAIM")).contains(bulk("alice")).contains(bulk("LASTID"));
        w.callText("XADD", "gs", "2-0", "f", "v");
        assertThat(b.readText()).contains(bulk("2-0"));
        assertThat(w.callText("XPENDING", "gs", "g")).isEqualTo("*4\r\n:2\r\n" + bulk("1-0") + bulk("2-0")
                + "*2\r\n*2\r\n" + bulk("alice") + bulk("1") + "*2\r\n" + bulk("bob") + bulk("1"));
    }

    @Test void blockedXreadgroupFailsWhenGroupOrKeyGoes() {
        RespClient a = client(), b = client(), w = client();
        w.callText("XGROUP", "CREATE", "gone", "g", "$", "MKSTREAM");
        block(a, 1, "XREADGROUP", "GROUP", "g", "alice", "BLOCK", "0", "STREAMS", "gone", ">");
        w.callText("XGROUP", "DESTROY", "gone", "g");
        assertThat(a.readText()).isEqualTo("-NOGROUP the consumer group this client was blocked on no longer exists\r\n");
        w.callText("XGROUP", "CREATE", "gone", "g", "$");
        block(b, 1, "XREADGROUP", "GROUP", "g", "bob", "BLOCK", "0", "STREAMS", "gone", ">");
        w.callText("DEL", "gone");
        assertThat(b.readText()).isEqualTo("-UNBLOCKED the stream key no longer exists\r\n");
    }

    @Test void pelAcrossClaimAutoclaimAndAck() {
        RespClient c = client();
        for (int i = 1; i <= 4; i++) c.callText("XADD", "pel", i + "-0", "f", "v" + i);
        c.callText("XGROUP", "CREATE", "pel", "g", "0");
        c.callText("XREADGROUP", "GROUP", "g", "alice", "STREAMS", "pel", ">");
        clock.advance(100);
        assertThat(c.callText("XPENDING", "pel", "g", "IDLE", "50", "-", "+", "10", "alice"))
                .startsWith("*4\r\n*4\r\n" + bulk("1-0") + bulk("alice") + ":100\r\n:1\r\n");
        // XCLAIM with a min idle not reached takes nothing; then bob takes 1-0 and 2-0
        assertThat(c.callText("XCLAIM", "pel", "g", "bob", "1000", "1-0", "JUSTID")).isEqualTo("*0\r\n");
        assertThat(c.callText("XCLAIM", "pel", "g", "bob", "50", "1-0", "2-0", "JUSTID"))
                .isEqualTo("*2\r\n" + bulk("1-0") + bulk("2-0"));
        c.callText("XDEL", "pel", "3-0");
        clock.advance(100);
        // XAUTOCLAIM: carol gets 1-0, 2-0, 4-0; 3-0 was deleted and leaves the PEL
        assertThat(c.callText("XAUTOCLAIM", "pel", "g", "carol", "50", "0", "JUSTID"))
                .isEqualTo("*3\r\n" + bulk("0-0") + "*3\r\n" + bulk("1-0") + bulk("2-0") + bulk("4-0")
                        + "*1\r\n" + bulk("3-0"));
        assertThat(c.callText("XACK", "pel", "g", "1-0", "4-0", "9-0")).isEqualTo(":2\r\n");
        assertThat(c.callText("XPENDING", "pel", "g")).isEqualTo("*4\r\n:1\r\n" + bulk("2-0") + bulk("2-0")
                + "*1\r\n*2\r\n" + bulk("carol") + bulk("1"));
        assertThat(c.callText("XPENDING", "pel", "g", "-", "+", "10")).isEqualTo(
                "*1\r\n*4\r\n" + bulk("2-0") + bulk("carol") + ":0\r\n:1\r\n");
        assertThat(c.callText("XINFO", "CONSUMERS", "pel", "g")).contains(bulk("alice"))
                .contains(bulk("bob")).contains(bulk("carol"));
    }
}
