package io.cinnabar.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cinnabar.Cinnabar;
import io.cinnabar.testing.Await;
import io.cinnabar.testing.RealRedis;
import io.cinnabar.testing.RespClient;
import org.junit.jupiter.api.Test;

/** Replication with real redis-server on either side, and a Cinnabar → Cinnabar → redis-server chain. */
class ReplicationInteropTest {
    private static void write(RespClient c, String prefix, int n) {
        for (int i = 0; i < n; i++) c.call("SET", prefix + i, "v" + i);
        c.call("HSET", prefix + "h", "f", "v");
        c.call("SADD", prefix + "s", "1", "2", "x");
        c.call("SELECT", "2");
        c.call("SET", prefix + "db2", "yes");
        c.call("SELECT", "0");
        c.call("INCR", prefix + "0-counter");
    }

    /** Every data type, with expiries, in two dbs: what the digests compare. */
    private static void writeAllTypes(RespClient c, String p) {
        for (int i = 0; i < 30; i++) {
            c.call("SET", p + "str" + i, "value" + i);
            c.call("RPUSH", p + "list", "e" + i);
            c.call("HSET", p + "hash", "f" + i, "v" + i);
            c.call("SADD", p + "set", "m" + i);
            c.call("SADD", p + "intset", Integer.toString(i));
            c.call("ZADD", p + "zset", Integer.toString(i), "z" + i);
            c.call("XADD", p + "stream", "*", "k", "v" + i);
        }
        c.call("SET", p + "ttl", "x", "PX", "500000");
        c.call("LPOP", p + "list");
        c.call("SPOP", p + "set");
        c.call("INCRBYFLOAT", p + "float", "1.5");
        c.call("XGROUP", "CREATE", p + "stream", "g", "0");
        c.call("XREADGROUP", "GROUP", "g", "c1", "COUNT", "3", "STREAMS", p + "stream", ">");
        c.call("SELECT", "3");
        c.call("SET", p + "db3", "three");
        c.call("SELECT", "0");
    }

    /** The replica caught up with the master's offset, then both hold the same data (DEBUG DIGEST). */
    private static void assertSameDigest(RespClient master, RespClient replica) {
        Await.until(() -> master.callText("DEBUG", "DIGEST").equals(replica.callText("DEBUG", "DIGEST")), "equal digests");
        assertThat(master.callText("DEBUG", "DIGEST")).isNotEqualTo("+0000000000000000000000000000000000000000\r\n");
    }

    private static void assertReplicated(RespClient replica, String prefix, int n) {
        Await.until(() -> replica.callText("GET", prefix + (n - 1)).equals("$" + ("v" + (n - 1)).length() + "\r\nv" + (n - 1) + "\r\n"),
                "last key on replica");
        assertThat(replica.callText("HGET", prefix + "h", "f")).isEqualTo("$1\r\nv\r\n");
        assertThat(replica.callText("SCARD", prefix + "s")).isEqualTo(":3\r\n");
        replica.call("SELECT", "2");
        assertThat(replica.callText("GET", prefix + "db2")).isEqualTo("$3\r\nyes\r\n");
        replica.call("SELECT", "0");
    }

    @Test void redisReplicaFollowsCinnabarMaster() {
        assumeTrue(RealRedis.available());
        try (Cinnabar master = Cinnabar.builder().port(0).config("enable-debug-command", "yes").config("repl-diskless-sync", "no").start();
             RespClient m = new RespClient(master.port())) {
            write(m, "before", 50);
            writeAllTypes(m, "t");
            try (RealRedis replica = RealRedis.start("--replicaof", "127.0.0.1", Integer.toString(master.port()));
                 RespClient r = new RespClient(replica.port())) {
                assertReplicated(r, "before", 50);
                write(m, "after", 200);
                assertReplicated(r, "after", 200);
                writeAllTypes(m, "u");
                assertSameDigest(m, r);
                m.call("SET", "waited", "1");
                assertThat(m.callText("WAIT", "1", "5000")).isEqualTo(":1\r\n");
                assertThat(m.callText("WAIT", "2", "100")).isEqualTo(":1\r\n"); // times out with the count
                // the replica is read-only, and ROLE on the master lists it
                assertThat(r.callText("SET", "x", "y")).startsWith("-READONLY");
                Await.until(() -> m.callText("ROLE").contains(Integer.toString(replica.port())), "ROLE lists the replica");
                // kill the link from the replica's side: it reconnects with PSYNC and continues
                r.call("CLIENT", "KILL", "TYPE", "master");
                write(m, "later", 10);
                assertReplicated(r, "later", 10);
                String log = new String(readAll(replica.dir().resolve("redis.log")));
                assertThat(log).contains("Successful partial resynchronization with master");
                assertThat(log).contains("MASTER <-> REPLICA sync: Master accepted a Partial Resynchronization");
                assertSameDigest(m, r);
            }
        }
    }

    @Test void disklessSyncToRedisReplicasSharesOneSnapshot() {
        assumeTrue(RealRedis.available());
        try (Cinnabar master = Cinnabar.builder().port(0).config("enable-debug-command", "yes").config("repl-diskless-sync", "yes")
                .config("repl-diskless-sync-delay", "60").config("repl-diskless-sync-max-replicas", "2").start();
             RespClient m = new RespClient(master.port())) {
            writeAllTypes(m, "d");
            String port = Integer.toString(master.port());
            try (RealRedis r1 = RealRedis.start("--replicaof", "127.0.0.1", port, "--repl-diskless-load", "swapdb");
                 RealRedis r2 = RealRedis.start("--replicaof", "127.0.0.1", port);
                 RespClient c1 = new RespClient(r1.port()); RespClient c2 = new RespClient(r2.port())) {
                // the second replica starts the snapshot long before the 60 s delay
                Await.until(() -> c1.callText("INFO", "replication").contains("master_link_status:up")
                        && c2.callText("INFO", "replication").contains("master_link_status:up"), "both replicas up");
                assertThat(m.callText("INFO", "stats")).contains("sync_full:2");
                writeAllTypes(m, "e");
                assertSameDigest(m, c1);
                assertSameDigest(m, c2);
                String log = new String(readAll(r1.dir().resolve("redis.log")));
                assertThat(log).contains("receiving streamed RDB from master with EOF");
                assertThat(m.callText("WAIT", "2", "5000")).isEqualTo(":2\r\n");
            }
        }
    }

    @Test void minReplicasToWriteAndPromotionWithPartialResync() {
        assumeTrue(RealRedis.available());
        try (Cinnabar master = Cinnabar.builder().port(0).config("enable-debug-command", "yes").start(); RespClient m = new RespClient(master.port())) {
            m.call("CONFIG", "SET", "min-replicas-to-write", "1");
            assertThat(m.callText("SET", "k", "v")).isEqualTo("-NOREPLICAS Not enough good replicas to write.\r\n");
            assertThat(m.callText("GET", "k")).isEqualTo("$-1\r\n"); // reads still work
            try (RealRedis replica = RealRedis.start("--replicaof", "127.0.0.1", Integer.toString(master.port()));
                 RespClient r = new RespClient(replica.port())) {
                Await.until(() -> m.callText("SET", "k", "v").equals("+OK\r\n"), "a good replica");
                m.call("CONFIG", "SET", "min-replicas-to-write", "0");
                writeAllTypes(m, "p");
                assertSameDigest(m, r);
                // fail over: the redis replica becomes master, we follow it and continue our history
                r.call("REPLICAOF", "NO", "ONE");
                assertThat(m.callText("REPLICAOF", "127.0.0.1", Integer.toString(replica.port()))).isEqualTo("+OK\r\n");
                Await.until(() -> m.callText("INFO", "replication").contains("master_link_status:up"), "link up");
                assertThat(r.callText("INFO", "stats")).contains("sync_partial_ok:1").contains("sync_full:0");
                r.call("SET", "after-failover", "1");
                Await.until(() -> m.callText("GET", "after-failover").equals("$1\r\n1\r\n"), "write from the new master");
                assertSameDigest(r, m);
            }
        }
    }

    @Test void cinnabarReplicaFollowsRedisMaster() {
        assumeTrue(RealRedis.available());
        try (RealRedis master = RealRedis.start("--repl-diskless-sync", "no");
             RespClient m = new RespClient(master.port());
             Cinnabar replica = Cinnabar.builder().port(0).config("enable-debug-command", "yes").start();
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
        try (Cinnabar top = Cinnabar.builder().port(0).config("enable-debug-command", "yes").start(); RespClient t = new RespClient(top.port());
             Cinnabar middle = Cinnabar.builder().port(0).config("enable-debug-command", "yes").start(); RespClient mid = new RespClient(middle.port())) {
            write(t, "a", 20);
            mid.call("REPLICAOF", "127.0.0.1", Integer.toString(top.port()));
            assertReplicated(mid, "a", 20);
            try (RealRedis bottom = RealRedis.start("--replicaof", "127.0.0.1", Integer.toString(middle.port()));
                 RespClient b = new RespClient(bottom.port())) {
                assertReplicated(b, "a", 20);
                write(t, "b", 100);
                assertReplicated(mid, "b", 100);
                assertReplicated(b, "b", 100);
                writeAllTypes(t, "c");
                assertSameDigest(t, mid);
                assertSameDigest(t, b);
                // the chain forwards the exact stream: the same offsets at every level
                Await.until(() -> offset(t) == offset(mid) && offset(mid) == offset(b), "equal offsets");
            }
        }
    }

    private static long offset(RespClient c) {
        String info = c.callText("INFO", "replication");
        int i = info.indexOf("master_repl_offset:") + "master_repl_offset:".length();
        return Long.parseLong(info.substring(i, info.indexOf('\r', i)));
    }

    private static byte[] readAll(java.nio.file.Path p) {
        try {
            return java.nio.file.Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
