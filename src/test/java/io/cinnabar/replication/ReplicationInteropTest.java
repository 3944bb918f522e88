package io.cinnabar.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cinnabar.Cinnabar;
import io.cinnabar.testing.RealRedis;
import io.cinnabar.testing.RespClient;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Replication with real redis-server on either side, and a Cinnabar → Cinnabar → redis-server chain. */
class ReplicationInteropTest {
    private static void await(Supplier<Boolean> condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.get()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void write(RespClient c, String prefix, int n) {
        for (int i = 0; i < n; i++) c.call("SET", prefix + i, "v" + i);
        c.call("HSET", prefix + "h", "f", "v");
        c.call("SADD", prefix + "s", "1", "2", "x");
        c.call("SELECT", "2");
        c.call("SET", prefix + "db2", "yes");
        c.call("SELECT", "0");
        c.call("INCR", prefix + "0-counter");
    }

    private static void assertReplicated(RespClient replica, String prefix, int n) {
        await(() -> replica.callText("GET", prefix + (n - 1)).equals("$" + ("v" + (n - 1)).length() + "\r\nv" + (n - 1) + "\r\n"),
                "last key on replica");
        assertThat(replica.callText("HGET", prefix + "h", "f")).isEqualTo("$1\r\nv\r\n");
        assertThat(replica.callText("SCARD", prefix + "s")).isEqualTo(":3\r\n");
        replica.call("SELECT", "2");
        assertThat(replica.callText("GET", prefix + "db2")).isEqualTo("$3\r\nyes\r\n");
        replica.call("SELECT", "0");
    }

    @Test void redisReplicaFollowsCinnabarMaster() {
        assumeTrue(RealRedis.available());
        try (Cinnabar master = Cinnabar.builder().port(0).start(); RespClient m = new RespClient(master.port())) {
            write(m, "before", 50);
            try (RealRedis replica = RealRedis.start("--replicaof", "127.0.0.1", Integer.toString(master.port()));
                 RespClient r = new RespClient(replica.port())) {
                assertReplicated(r, "before", 50);
                write(m, "after", 200);
                assertReplicated(r, "after", 200);
                m.call("SET", "waited", "1");
                assertThat(m.callText("WAIT", "1", "5000")).isEqualTo(":1\r\n");
                assertThat(m.callText("WAIT", "2", "100")).isEqualTo(":1\r\n"); // times out with the count
                // the replica is read-only, and ROLE on the master lists it
                assertThat(r.callText("SET", "x", "y")).startsWith("-READONLY");
                await(() -> m.callText("ROLE").contains(Integer.toString(replica.port())), "ROLE lists the replica");
                // kill the link from the replica's side: it reconnects with PSYNC and continues
                r.call("CLIENT", "KILL", "TYPE", "master");
                write(m, "later", 10);
                assertReplicated(r, "later", 10);
                String log = new String(readAll(replica.dir().resolve("redis.log")));
                assertThat(log).contains("Successful partial resynchronization with master");
            }
        }
    }

    @Test void cinnabarReplicaFollowsRedisMaster() {
        assumeTrue(RealRedis.available());
        try (RealRedis master = RealRedis.start("--repl-diskless-sync", "no");
             RespClient m = new RespClient(master.port());
             Cinnabar replica = Cinnabar.builder().port(0).start();
             RespClient r = new RespClient(replica.port())) {
            write(m, "before", 50);
            assertThat(r.callText("REPLICAOF", "127.0.0.1", Integer.toString(master.port()))).isEqualTo("+OK\r\n");
            assertReplicated(r, "before", 50);
            write(m, "after", 200);
            assertReplicated(r, "after", 200);
            assertThat(r.callText("SET", "x", "y"))
                    .isEqualTo("-READONLY You can't write against a read only replica.\r\n");
            // WAIT on the real master is satisfied by our ACKs
            assertThat(m.callText("WAIT", "1", "5000")).isEqualTo(":1\r\n");
            assertThat(r.callText("REPLICAOF", "NO", "ONE")).isEqualTo("+OK\r\n");
            assertThat(r.callText("SET", "x", "y")).isEqualTo("+OK\r\n");
        }
    }

    @Test void chainCinnabarToCinnabarToRedis() {
        assumeTrue(RealRedis.available());
        try (Cinnabar top = Cinnabar.builder().port(0).start(); RespClient t = new RespClient(top.port());
             Cinnabar middle = Cinnabar.builder().port(0).start(); RespClient mid = new RespClient(middle.port())) {
            write(t, "a", 20);
            mid.call("REPLICAOF", "127.0.0.1", Integer.toString(top.port()));
            assertReplicated(mid, "a", 20);
            try (RealRedis bottom = RealRedis.start("--replicaof", "127.0.0.1", Integer.toString(middle.port()));
                 RespClient b = new RespClient(bottom.port())) {
                assertReplicated(b, "a", 20);
                write(t, "b", 100);
                assertReplicated(mid, "b", 100);
                assertReplicated(b, "b", 100);
            }
        }
    }

    private static byte[] readAll(java.nio.file.Path p) {
        try {
            return java.nio.file.Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
