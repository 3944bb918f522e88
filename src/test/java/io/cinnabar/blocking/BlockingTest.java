package io.cinnabar.blocking;

import static org.assertj.core.api.Assertions.assertThat;

import io.cinnabar.Cinnabar;
import io.cinnabar.server.ClientConnection;
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

/** The blocking framework over real sockets: FIFO order, timeouts, chains, disconnects, many clients. */
class BlockingTest {
    static final ManualClock clock = new ManualClock();
    static Cinnabar server;
    final List<RespClient> clients = new ArrayList<>();

    @BeforeAll static void start() {
        server = Cinnabar.builder().port(0).clock(clock).config("maxclients", "10100").start();
    }

    @AfterAll static void stop() {
        server.close();
    }

    @AfterEach void closeClients() {
        for (RespClient c : clients) c.close();
        clients.clear();
        waitFor(() -> server.call(() -> server.server().blocking().blockedClients()), 0);
    }

    RespClient client() {
        RespClient c = new RespClient(server.port());
        clients.add(c);
        return c;
    }

    static int blocked() {
        return server.call(() -> server.server().blocking().blockedClients());
    }

    static int blockingKeys() {
        return server.call(() -> server.server().blocking().blockingKeys());
    }

    static void waitFor(IntSupplier value, int expected) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (value.getAsInt() != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + expected + " but was " + value.getAsInt());
            }
            try {
                Thread.sleep(1); // polling with a deadline, not waiting a fixed time
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Sends a command without reading, then waits until the server counts {@code n} blocked clients. */
    static void block(RespClient c, int n, String... cmd) {
        c.send(RespClient.encode(RespClient.args(cmd)));
        waitFor(BlockingTest::blocked, n);
    }

    static String arr(String... items) {
        StringBuilder sb = new StringBuilder("*" + items.length + "\r\n");
        for (String s : items) sb.append('$').append(s.getBytes(StandardCharsets.UTF_8).length).append("\r\n")
                .append(s).append("\r\n");
        return sb.toString();
    }

    @Test void threeWaitersServedInArrivalOrder() {
        RespClient a = client(), b = client(), c = client(), p = client();
        block(a, 1, "BLPOP", "fifo", "0");
        block(b, 2, "BRPOP", "fifo", "0");
        block(c, 3, "BLPOP", "other", "fifo", "0");
        assertThat(blockingKeys()).isEqualTo(2);
        assertThat(p.callText("RPUSH", "fifo", "1", "2")).isEqualTo(":2\r\n");
        // one push of two elements serves exactly two waiters, in arrival order
        assertThat(a.readText()).isEqualTo(arr("fifo", "1"));
        assertThat(b.readText()).isEqualTo(arr("fifo", "2"));
        assertThat(blocked()).isEqualTo(1);
        assertThat(p.callText("LLEN", "fifo")).isEqualTo(":0\r\n");
        assertThat(p.callText("LPUSH", "fifo", "3")).isEqualTo(":1\r\n");
        assertThat(c.readText()).isEqualTo(arr("fifo", "3"));
        assertThat(blocked()).isZero();
        assertThat(blockingKeys()).isZero();
    }

    @Test void timeoutRepliesNullArrayWhenTheClockPasses() {
        RespClient a = client();
        block(a, 1, "BLPOP", "tk", "5");
        clock.advance(4000);
        assertThat(blocked()).isEqualTo(1);
        clock.advance(1001);
        assertThat(a.readText()).isEqualTo("*-1\r\n");
        assertThat(blocked()).isZero();
        block(a, 1, "BLMOVE", "tk", "dst", "LEFT", "RIGHT", "0.5");
        clock.advance(600);
        assertThat(a.readText()).isEqualTo("*-1\r\n");
        // a client keeps working after a timeout
        assertThat(a.callText("PING")).isEqualTo("+PONG\r\n");
    }

    @Test void timeoutErrors() {
        RespClient a = client();
        assertThat(a.callText("BLPOP", "k", "-1")).isEqualTo("-ERR timeout is negative\r\n");
        assertThat(a.callText("BLPOP", "k", "abc")).isEqualTo("-ERR timeout is not a float or out of range\r\n");
        assertThat(a.callText("BLPOP", "k", "inf")).isEqualTo("-ERR timeout is negative\r\n");
    }

    @Test void blmoveChainServesEveryLink() {
        RespClient a = client(), b = client(), c = client(), p = client();
        block(a, 1, "BLMOVE", "ch1", "ch2", "LEFT", "RIGHT", "0");
        block(b, 2, "BRPOPLPUSH", "ch2", "ch3", "0");
        block(c, 3, "BLPOP", "ch3", "0");
        p.callText("RPUSH", "ch1", "x");
        assertThat(a.readText()).isEqualTo("$1\r\nx\r\n");
        assertThat(b.readText()).isEqualTo("$1\r\nx\r\n");
        assertThat(c.readText()).isEqualTo(arr("ch3", "x"));
        for (String k : new String[] {"ch1", "ch2", "ch3"}) assertThat(p.callText("LLEN", k)).isEqualTo(":0\r\n");
    }

    @Test void disconnectWhileBlockedCleansUp() {
        RespClient a = client(), p = client();
        block(a, 1, "BLPOP", "dk", "0");
        a.close();
        clients.remove(a);
        waitFor(BlockingTest::blocked, 0);
        assertThat(blockingKeys()).isZero();
        assertThat(p.callText("RPUSH", "dk", "v")).isEqualTo(":1\r\n");
        assertThat(p.callText("LLEN", "dk")).isEqualTo(":1\r\n");
        p.callText("DEL", "dk");
    }

    @Test void pipelinedCommandsRunAfterTheBlockedOne() {
        RespClient a = client(), p = client();
        a.sendText("*3\r\n$5\r\nBLPOP\r\n$2\r\npk\r\n$1\r\n0\r\n*1\r\n$4\r\nPING\r\n");
        waitFor(BlockingTest::blocked, 1);
        p.callText("RPUSH", "pk", "v");
        assertThat(a.readText()).isEqualTo(arr("pk", "v"));
        assertThat(a.readText()).isEqualTo("+PONG\r\n");
    }

    @Test void wrongTypeKeepsWaitingUntilAListAppears() {
        RespClient a = client(), p = client();
        block(a, 1, "BLPOP", "wk", "0");
        p.callText("SET", "wk", "string");
        assertThat(blocked()).isEqualTo(1);
        p.callText("DEL", "wk");
        p.callText("RPUSH", "wk", "v");
        assertThat(a.readText()).isEqualTo(arr("wk", "v"));
    }

    @Test void unblockWithTimeoutOrError() {
        RespClient a = client();
        block(a, 1, "BLPOP", "uk", "0");
        assertThat(unblockAll(false)).isTrue();
        assertThat(a.readText()).isEqualTo("*-1\r\n");
        block(a, 1, "BLPOP", "uk", "0");
        assertThat(unblockAll(true)).isTrue();
        assertThat(a.readText()).isEqualTo("-UNBLOCKED client unblocked via CLIENT UNBLOCK\r\n");
        assertThat(a.callText("PING")).isEqualTo("+PONG\r\n");
    }

    static boolean unblockAll(boolean error) {
        return server.call(() -> {
            boolean any = false;
            for (ClientConnection c : new ArrayList<>(server.server().clients().values())) {
                any |= server.server().blocking().unblock(c, error);
            }
            server.server().flushPending();
            return any;
        });
    }

    @Test void twoThousandBlockedClients() {
        int n = 2_000; // connecting is the slow part here (a few ms each on a loaded 2-core box)
        List<RespClient> many = new ArrayList<>(n);
        byte[] cmd = RespClient.encode(RespClient.args("BLPOP", "many", "0"));
        for (int i = 0; i < n; i++) {
            RespClient c = client();
            c.send(cmd);
            many.add(c);
        }
        waitFor(BlockingTest::blocked, n);
        assertThat(blockingKeys()).isEqualTo(1);
        RespClient p = client();
        String[] push = new String[n + 2];
        push[0] = "RPUSH";
        push[1] = "many";
        for (int i = 0; i < n; i++) push[i + 2] = Integer.toString(i);
        assertThat(p.callText(push)).isEqualTo(":" + n + "\r\n");
        java.util.Set<String> got = new java.util.HashSet<>();
        for (RespClient c : many) got.add(c.readText());
        assertThat(got).hasSize(n).contains(arr("many", "0"), arr("many", Integer.toString(n - 1)));
        waitFor(BlockingTest::blocked, 0);
        assertThat(p.callText("LLEN", "many")).isEqualTo(":0\r\n");
    }

    @Test void swapdbWakesAClientWhoseKeyAppears() {
        RespClient a = client(), p = client();
        p.callText("SELECT", "1");
        p.callText("RPUSH", "sk", "hello");
        block(a, 1, "BRPOP", "sk", "5");
        assertThat(p.callText("SWAPDB", "0", "1")).isEqualTo("+OK\r\n");
        assertThat(a.readText()).isEqualTo(arr("sk", "hello"));
        p.callText("SWAPDB", "0", "1");
    }

    @Test void servedPopsArePropagatedAsTheNonBlockingCommand() {
        StringBuilder stream = new StringBuilder();
        io.cinnabar.server.Propagator.Sink sink = (buf, db) -> stream.append(buf.toString(StandardCharsets.UTF_8));
        server.call(() -> {
            server.server().propagator().addSink(sink);
            return null;
        });
        try {
            RespClient a = client(), b = client(), p = client();
            block(a, 1, "BLPOP", "rk", "0");
            block(b, 2, "BLMOVE", "rk2", "rk3", "RIGHT", "LEFT", "0");
            p.callText("RPUSH", "rk", "v");
            assertThat(a.readText()).isEqualTo(arr("rk", "v"));
            p.callText("RPUSH", "rk2", "w");
            assertThat(b.readText()).isEqualTo("$1\r\nw\r\n");
            p.callText("DEL", "rk3");
            String s = server.call(stream::toString);
            assertThat(s).contains(arr("RPUSH", "rk", "v") + arr("LPOP", "rk"));
            assertThat(s).contains(arr("RPUSH", "rk2", "w") + arr("LMOVE", "rk2", "rk3", "RIGHT", "LEFT"));
            assertThat(s).doesNotContain("BLPOP").doesNotContain("BLMOVE").doesNotContain("MULTI");
        } finally {
            server.call(() -> {
                server.server().propagator().removeSink(sink);
                return null;
            });
        }
    }
}
