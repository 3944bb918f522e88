package io.cinnabar.persistence.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.cinnabar.Cinnabar;
import io.cinnabar.persistence.Persistence;
import io.cinnabar.testing.RespClient;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200k+ keys, a client writing through a real socket during BGSAVE: no command waits more than
 * 50 ms (the walk runs in ~1 ms slices between commands), and the file holds exactly the keyspace
 * as it was when BGSAVE began.
 */
class BgsaveLatencyTest {
    @TempDir Path dir;

    @Test void writesKeepFlowingAndTheFileIsTheStartImage() throws Exception {
        try (Cinnabar c = Cinnabar.builder().port(0).config("dir", dir.toString()).config("save", "")
                     .config("enable-debug-command", "yes").start();
             RespClient r = new RespClient(c.port())) {
            assertThat(r.callText("DEBUG", "POPULATE", "200000", "key", "16")).isEqualTo("+OK\r\n");
            pipeline(r, 4000, i -> switch (i % 4) {
                case 0 -> new String[] {"HSET", "h:" + i, "a", "1", "b", "2", "c", "value-" + i};
                case 1 -> new String[] {"RPUSH", "l:" + i, "x", "y", "z" + i};
                case 2 -> new String[] {"SADD", "s:" + i, "1", "2", "m" + i};
                default -> new String[] {"ZADD", "z:" + i, "1", "a", "2.5", "b" + i};
            });
            Persistence p = c.server().persistence();
            // warm-up: the first BGSAVE compiles the serialization paths
            assertThat(c.call(p::bgsave)).isTrue();
            waitDone(c, p);
            // Latency on a shared machine is noisy (preemption, GC): the bound is 50 ms above what
            // the same writes saw just before without a snapshot, and the measurement gets three
            // tries; a slice or pre-write that stalled the loop would fail all three. The image
            // must be exact every time.
            String lastFailure = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                lastFailure = measure(c, p);
                if (lastFailure == null) break;
            }
            assertThat(lastFailure).isNull();
        }
    }

    /** One BGSAVE under writes; null if its latency was within bounds, else why not. */
    private String measure(Cinnabar c, Persistence p) throws Exception {
        // the writer connects and warms up first; it is held while the start image is taken
        // (a synchronous save in the same event-loop task as BGSAVE), then measured
        Semaphore go = new Semaphore(0);
        Semaphore parked = new Semaphore(0);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong maxNanos = new AtomicLong();
        AtomicLong ops = new AtomicLong();
        AtomicLong controlMax = new AtomicLong();
        AtomicLong controlOps = new AtomicLong();
        Thread writer = new Thread(() -> {
            Random rnd = new Random(7);
            try (RespClient w = new RespClient(c.port())) {
                for (int i = 0; i < 1000; i++) write(w, rnd);
                // control: the same writes for a second without a snapshot
                long until = System.nanoTime() + 1_000_000_000L;
                while (System.nanoTime() < until) {
                    long t0 = System.nanoTime();
                    write(w, rnd);
                    controlMax.accumulateAndGet(System.nanoTime() - t0, Math::max);
                    controlOps.incrementAndGet();
                }
                parked.release();
                go.acquireUninterruptibly();
                while (!stop.get()) {
                    long t0 = System.nanoTime();
                    write(w, rnd);
                    maxNanos.accumulateAndGet(System.nanoTime() - t0, Math::max);
                    ops.incrementAndGet();
                }
            }
        });
        writer.start();
        parked.acquire();
        byte[] expected = c.call(() -> {
            byte[] image = p.snapshotBytes();
            assertThat(p.bgsave()).isTrue();
            return image;
        });
        go.release();
        waitDone(c, p);
        stop.set(true);
        writer.join();
        assertThat(c.call(p::lastBgsaveOk)).isTrue();
        assertThat(ops.get()).as("writes during the BGSAVE").isGreaterThan(100);

        Map<String, String> want = SnapshotImages.model(expected, c.server().config());
        Map<String, String> got;
        try (InputStream in = Files.newInputStream(p.rdbPath())) {
            got = SnapshotImages.model(in, c.server().config());
        }
        assertThat(want.size()).isGreaterThan(200_000);
        SnapshotImages.assertSame(got, want);
        long max = maxNanos.get() / 1_000_000, control = controlMax.get() / 1_000_000;
        return max < 50 + control ? null : "max latency " + max + " ms of " + ops.get()
                + " writes during BGSAVE; " + control + " ms max for " + controlOps.get() + " writes without";
}


    /** A write to an existing key (so the pre-write hook runs), a new key, or a delete. */
    private static void write(RespClient w, Random rnd) {
        int n = rnd.nextInt(200_000);
        switch (rnd.nextInt(6)) {
            case 0 -> w.call("SET", "key:" + n, "changed");
            case 1 -> w.call("DEL", "key:" + n);
            case 2 -> w.call("HSET", "h:" + (n % 4000 / 4 * 4), "a", "changed");
            case 3 -> w.call("RPUSH", "l:" + (n % 4000 / 4 * 4 + 1), "more");
            case 4 -> w.call("SET", "new:" + n, "born during the save");
            default -> w.call("APPEND", "key:" + n, "+");
        }
    }

    private static void waitDone(Cinnabar c, Persistence p) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (c.call(p::bgsaveInProgress)) {
            if (System.nanoTime() > deadline) throw new AssertionError("BGSAVE did not finish");
            Thread.sleep(5);
        }
    }

    private static void pipeline(RespClient r, int n, java.util.function.IntFunction<String[]> cmd) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = 0; i < n; i++) all.writeBytes(RespClient.encode(RespClient.args(cmd.apply(i))));
        r.send(all.toByteArray());
        for (int i = 0; i < n; i++) r.readReply();
    }
}
