package io.cinnabar.command.sortedsets;

import static org.assertj.core.api.Assertions.assertThat;

import io.cinnabar.Cinnabar;
import io.cinnabar.server.Propagator;
import io.cinnabar.testing.RespClient;
import io.cinnabar.time.ManualClock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** BZPOPMIN/BZPOPMAX/BZMPOP over sockets: FIFO service, reply shapes, timeouts, propagation as ZPOPMIN/ZPOPMAX. */
class ZSetBlockingTest {
    static final ManualClock clock = new ManualClock();
    static Cinnabar server;
    static final StringBuilder stream = new StringBuilder();
    final List<RespClient> clients = new ArrayList<>();

    @BeforeAll static void start() {
        server = Cinnabar.builder().port(0).clock(clock).start();
        Propagator.Sink sink = (buf, db) -> {
            synchronized (stream) {
                stream.append(buf.toString(buf.readerIndex(), buf.readableBytes(), StandardCharsets.UTF_8));
            }
        };
        server.call(() -> {
            server.server().propagator().addSink(sink);
            return null;
        });
    }

    @AfterAll static void stop() {
        server.close();
    }

    @AfterEach void closeClients() {
        for (RespClient c : clients) c.close();
        clients.clear();
        waitFor(ZSetBlockingTest::blocked, 0);
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
        waitFor(ZSetBlockingTest::blocked, n);
    }

    static String streamText() {
        synchronized (stream) {
            return stream.toString();
        }
    }

    @Test void waitersServedInOrderFromTheReadyKey() {
        RespClient a = client(), b = client(), c = client(), p = client();
        block(a, 1, "BZPOPMIN", "bz1", "bz2", "0");
        block(b, 2, "BZPOPMAX", "bz2", "0");
        block(c, 3, "BZMPOP", "0", "2", "bz1", "bz2", "MAX", "COUNT", "5");
        assertThat(p.callText("ZADD", "bz2", "1", "a", "2", "b", "3", "c")).isEqualTo(":3\r\n");
        assertThat(a.readText()).isEqualTo("*3\r\n$3\r\nbz2\r\n$1\r\na\r\n$1\r\n1\r\n");
        assertThat(b.readText()).isEqualTo("*3\r\n$3\r\nbz2\r\n$1\r\nc\r\n$1\r\n3\r\n");
        assertThat(c.readText()).isEqualTo("*2\r\n$3\r\nbz2\r\n*1\r\n*2\r\n$1\r\nb\r\n$1\r\n2\r\n");
        assertThat(blocked()).isZero();
        assertThat(p.callText("EXISTS", "bz2")).isEqualTo(":0\r\n");
        String s = streamText();
        assertThat(s).contains("$7\r\nZPOPMIN\r\n$3\r\nbz2\r\n").contains("$7\r\nZPOPMAX\r\n$3\r\nbz2\r\n")
                .contains("$7\r\nZPOPMAX\r\n$3\r\nbz2\r\n$1\r\n1\r\n").doesNotContain("BZ");
    }

    @Test void nonBlockingPathAndTimeouts() {
        RespClient a = client();
        a.callText("ZADD", "nb", "1", "x", "2", "y");
        assertThat(a.callText("BZPOPMAX", "none", "nb", "1")).isEqualTo("*3\r\n$2\r\nnb\r\n$1\r\ny\r\n$1\r\n2\r\n");
        assertThat(a.callText("BZMPOP", "1", "1", "nb", "MIN", "COUNT", "10"))
                .isEqualTo("*2\r\n$2\r\nnb\r\n*1\r\n*2\r\n$1\r\nx\r\n$1\r\n1\r\n");
        block(a, 1, "BZPOPMIN", "nb", "2.5");
        clock.advance(2400);
        assertThat(blocked()).isEqualTo(1);
        clock.advance(200);
        assertThat(a.readText()).isEqualTo("*-1\r\n");
        block(a, 1, "BZMPOP", "1", "1", "nb", "MIN");
        clock.advance(1001);
        assertThat(a.readText()).isEqualTo("*-1\r\n");
        // inside MULTI a blocking pop answers at once
        a.callText("MULTI");
        a.callText("BZPOPMIN", "nb", "0");
        assertThat(a.callText("EXEC")).isEqualTo("*1\r\n*-1\r\n");
    }

    @Test void wrongTypeKeepsWaitingUntilAZsetAppears() {
        RespClient a = client(), p = client();
        block(a, 1, "BZPOPMIN", "wt", "0");
        p.callText("SET", "wt", "str");
        assertThat(blocked()).isEqualTo(1);
        p.callText("DEL", "wt");
        p.callText("ZADD", "wt", "5", "m");
        assertThat(a.readText()).isEqualTo("*3\r\n$2\r\nwt\r\n$1\r\nm\r\n$1\r\n5\r\n");
        assertThat(p.callText("BZPOPMIN", "wt2", "x")).isEqualTo("-ERR timeout is not a float or out of range\r\n");
        p.callText("SET", "wt2", "s");
        assertThat(p.callText("BZPOPMIN", "wt2", "0")).startsWith("-WRONGTYPE");
    }
}
