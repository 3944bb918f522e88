package io.cinnabar.persistence.aof;

import static org.assertj.core.api.Assertions.assertThat;

import io.cinnabar.testing.RealRedis;
import io.cinnabar.testing.RespClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * appendfsync always: a server process killed with SIGKILL under a write load loses no write it
 * acknowledged. Several clients INCR their own counter (and append to a shared list in MULTI);
 * after each kill the restarted server must hold at least every acknowledged increment, and at
 * most one more per client (the one in flight).
 */
class AofDurabilityTest {
    private static final int CLIENTS = 4;
    private static final int ROUNDS = 2;

    @TempDir Path dir;

    private Process startServer(int port) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "io.cinnabar.Main",
                "--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir", dir.toString(), "--save", "",
                "--appendonly", "yes", "--appendfsync", "always")
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (RespClient c = new RespClient(port)) {
                if (c.callText("PING").equals("+PONG\r\n")) return p;
            } catch (RuntimeException e) {
                assertThat(p.isAlive()).as("server exited, see " + dir.resolve("server.log")).isTrue();
                assertThat(System.nanoTime()).as("server start").isLessThan(deadline);
                Thread.sleep(20);
            }
        }
    }

    @Test void killNineLosesNoAcknowledgedWrite() throws Exception {
        AtomicLongArray acked = new AtomicLongArray(CLIENTS);
        long listAcked = 0;
        for (int round = 0; round <= ROUNDS; round++) {
            int port = RealRedis.freePort();
            Process server = startServer(port);
            try (RespClient check = new RespClient(port)) {
                for (int i = 0; i < CLIENTS; i++) {
                    long v = value(check.callText("GET", "counter:" + i));
                    assertThat(v).as("counter %d after round %d", i, round).isBetween(acked.get(i), acked.get(i) + 1);
                    acked.set(i, v);
                }
                long len = value(check.callText("LLEN", "log"));
                assertThat(len).isGreaterThanOrEqualTo(listAcked);
                listAcked = len;
            }
            if (round == ROUNDS) { // the last start only verifies
                server.destroyForcibly();
                server.waitFor(10, TimeUnit.SECONDS);
                break;
            }
            AtomicBoolean stop = new AtomicBoolean();
            long[] listAckedByClient = new long[CLIENTS];
            List<Thread> writers = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int id = i;
                Thread t = new Thread(() -> {
                    try (RespClient c = new RespClient(port)) {
                        while (!stop.get()) {
                            String r = c.callText("INCR", "counter:" + id);
                            acked.set(id, value(r));
                            if (acked.get(id) % 10 == 0) {
                                c.call("MULTI");
                                c.call("RPUSH", "log", id + ":" + acked.get(id));
                                if (c.callText("EXEC").startsWith("*1")) listAckedByClient[id]++;
                            }
                        }
                    } catch (RuntimeException e) {
                        // the server was killed: the last acknowledged value is recorded
                    }
                });
                t.start();
                writers.add(t);
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(700);
            while (System.nanoTime() < deadline) Thread.sleep(10);
            server.destroyForcibly(); // SIGKILL while the writers are busy
            assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
            stop.set(true);
            for (Thread t : writers) t.join(15_000);
            for (long n : listAckedByClient) listAcked += n;
        }
        long total = 0;
        for (int i = 0; i < CLIENTS; i++) total += acked.get(i);
        assertThat(total).as("writes acknowledged over all rounds").isGreaterThan(0);
    }

    private static long value(String reply) {
        if (reply.startsWith("$-1")) return 0;
        if (reply.startsWith(":")) return Long.parseLong(reply.substring(1).trim());
        String[] parts = reply.split("\r\n");
        return Long.parseLong(parts[1]);
    }
}
