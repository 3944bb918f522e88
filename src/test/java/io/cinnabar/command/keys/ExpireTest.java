package io.cinnabar.command.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.cinnabar.Cinnabar;
import io.cinnabar.server.Propagator;
import io.cinnabar.store.Database;
import io.cinnabar.testing.RespClient;
import io.cinnabar.time.ManualClock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TTL commands, lazy and active expiry and their propagation, driven by a manual clock. */
class ExpireTest {
    ManualClock clock = new ManualClock(1_700_000_000_000L);
    Cinnabar server;
    RespClient c;
    /** The replication stream as text, one command per entry ("SELECT 0", "PEXPIREAT k 123"...). */
    final List<String> stream = new ArrayList<>();

    @BeforeEach void start() {
        server = Cinnabar.builder().port(0).clock(clock).config("hz", "100").start();
        c = new RespClient(server.port());
        server.call(() -> {
            server.server().propagator().addSink((buf, db) -> {
                synchronized (stream) {
                    stream.addAll(decode(buf.toString(StandardCharsets.UTF_8)));
                }
            });
            return null;
        });
    }

    @AfterEach void stop() {
        c.close();
        server.close();
    }

    private static List<String> decode(String resp) {
        List<String> cmds = new ArrayList<>();
        String[] lines = resp.split("\r\n");
        for (int i = 0; i < lines.length; ) {
            int n = Integer.parseInt(lines[i++].substring(1));
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < n; j++) {
                i++; // $len
                if (j > 0) sb.append(' ');
                sb.append(lines[i++]);
            }
            cmds.add(sb.toString());
        }
        return cmds;
    }

    private List<String> stream() {
        synchronized (stream) {
            return new ArrayList<>(stream);
        }
    }

    private String call(String... args) {
        return c.callText(args);
    }

    private int dbSize() {
        return server.call(() -> server.server().db(0).size());
    }

    @Test void relativeExpiresArePropagatedAsAbsolutePexpireat() {
        long now = clock.millis();
        call("SET", "k", "v");
        assertThat(call("EXPIRE", "k", "100")).isEqualTo(":1\r\n");
        assertThat(call("PEXPIRE", "k", "5000", "GT")).isEqualTo(":0\r\n");
        assertThat(call("PEXPIRE", "k", "500000", "GT")).isEqualTo(":1\r\n");
        assertThat(call("EXPIREAT", "k", String.valueOf(now / 1000 + 50))).isEqualTo(":1\r\n");
        assertThat(call("PEXPIREAT", "k", String.valueOf(now + 7000), "LT")).isEqualTo(":1\r\n");
        assertThat(call("TTL", "k")).isEqualTo(":7\r\n");
        assertThat(call("PTTL", "k")).isEqualTo(":7000\r\n");
        assertThat(call("PEXPIRETIME", "k")).isEqualTo(":" + (now + 7000) + "\r\n");
        assertThat(call("EXPIRETIME", "k")).isEqualTo(":" + (now + 7000 + 500) / 1000 + "\r\n");
        assertThat(stream()).containsExactly("SELECT 0", "SET k v", "PEXPIREAT k " + (now + 100_000),
                "PEXPIREAT k " + (now + 500_000) + " GT", "PEXPIREAT k " + (now / 1000 + 50) * 1000,
                "PEXPIREAT k " + (now + 7000) + " LT");
    }

    @Test void expireInThePastDeletesAndPropagatesDelOrUnlink() {
        call("SET", "a", "1");
        call("SET", "b", "1");
        assertThat(call("EXPIRE", "a", "-1")).isEqualTo(":1\r\n");
        assertThat(call("EXISTS", "a")).isEqualTo(":0\r\n");
        server.call(() -> {
            server.server().config().set("lazyfree-lazy-expire", "yes");
            return null;
        });
        assertThat(call("PEXPIREAT", "b", "1")).isEqualTo(":1\r\n");
        assertThat(stream()).containsExactly("SELECT 0", "SET a 1", "SET b 1", "DEL a", "UNLINK b");
    }

    @Test void keyLivesUntilStrictlyPastItsExpiryThenIsLazilyDeleted() {
        call("SET", "k", "v", "PX", "1000");
        clock.advance(1000);
        assertThat(call("PTTL", "k")).isEqualTo(":0\r\n");
        assertThat(call("GET", "k")).isEqualTo("$1\r\nv\r\n");
        clock.advance(1);
        assertThat(call("TTL", "k")).isEqualTo(":-2\r\n");
        assertThat(dbSize()).isZero();
        assertThat(stream()).endsWith("DEL k");
    }

    @Test void persistAndNoTtlReplies() {
        call("SET", "k", "v");
        assertThat(call("TTL", "k")).isEqualTo(":-1\r\n");
        assertThat(call("EXPIRETIME", "k")).isEqualTo(":-1\r\n");
        assertThat(call("TTL", "none")).isEqualTo(":-2\r\n");
        assertThat(call("PERSIST", "k")).isEqualTo(":0\r\n");
        call("EXPIRE", "k", "10");
        assertThat(call("PERSIST", "k")).isEqualTo(":1\r\n");
        assertThat(call("TTL", "k")).isEqualTo(":-1\r\n");
        clock.advance(60_000);
        assertThat(call("EXISTS", "k")).isEqualTo(":1\r\n");
    }

    @Test void keysExpireActivelyWithoutAccessAndDelsAreNotWrappedInMulti() throws Exception {
        for (int i = 0; i < 500; i++) call("SET", "k" + i, "v", "PX", String.valueOf(100 + i));
        for (int i = 0; i < 50; i++) call("SET", "p" + i, "v");
        clock.advance(10_000);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (dbSize() > 50 && System.nanoTime() < deadline) Thread.sleep(10); // cron runs on its own
        assertThat(dbSize()).isEqualTo(50);
        List<String> s = stream();
        assertThat(s).doesNotContain("MULTI");
        assertThat(s.stream().filter(x -> x.startsWith("DEL k")).count()).isEqualTo(500);
        assertThat(server.call(() -> server.server().stats().expiredKeys)).isEqualTo(500L);
    }

    @Test void scanDeletesExpiredKeysWithoutMulti() {
        call("SET", "x1", "v", "PX", "10");
        call("SET", "x2", "v", "PX", "10");
        call("SET", "y", "v");
        server.call(() -> server.server().activeExpireEnabled = false);
        clock.advance(100);
        assertThat(call("SCAN", "0", "COUNT", "100")).isEqualTo("*2\r\n$1\r\n0\r\n*1\r\n$1\r\ny\r\n");
        List<String> s = stream();
        assertThat(s).doesNotContain("MULTI").contains("DEL x1", "DEL x2");
    }

    @Test void replicaHidesExpiredKeysButKeepsThem() {
        call("SET", "k", "v", "PX", "10");
        call("SET", "p", "v");
        server.call(() -> {
            for (Database db : server.server().dbs()) db.expireMode(Database.ExpireMode.HIDE);
            server.server().activeExpireEnabled = false;
            return null;
        });
        clock.advance(100);
        assertThat(call("GET", "k")).isEqualTo("$-1\r\n");
        assertThat(call("EXISTS", "k")).isEqualTo(":0\r\n");
        assertThat(call("KEYS", "*")).isEqualTo("*1\r\n$1\r\np\r\n");
        assertThat(call("RANDOMKEY")).isEqualTo("$1\r\np\r\n");
        assertThat(dbSize()).isEqualTo(2);
        assertThat(stream()).noneMatch(x -> x.startsWith("DEL"));
    }

    @Test void activeCycleStopsOnItsBudgetAndResumes() {
        // many expired keys: one cycle with a tiny budget cannot do them all, later cycles finish
        server.call(() -> {
            server.server().activeExpireEnabled = false;
            Database db = server.server().db(3);
            for (int i = 0; i < 50_000; i++) {
                db.setExpire(db.add(("e" + i).getBytes(), new byte[] {1}), clock.millis() + 1);
            }
            return null;
        });
        clock.advance(10);
        long first = server.call(() -> server.server().activeExpiry().run(server.server().dbs(), 500, 1));
        assertThat(first).isPositive().isLessThan(50_000);
        long total = first;
        for (int i = 0; i < 10_000 && total < 50_000; i++) {
            total += server.call(() -> server.server().activeExpiry().run(server.server().dbs(), 10, 10));
        }
        assertThat(total).isEqualTo(50_000);
        assertThat(server.call(() -> server.server().activeExpiry().timeCapReached())).isPositive();
    }

    @Test void writableReplicaExpiresItsOwnVolatileKeysButNotTheMasters() throws Exception {
        ManualClock replicaClock = new ManualClock(1_700_000_000_000L);
        try (Cinnabar replica = Cinnabar.builder().port(0).clock(replicaClock).config("hz", "100")
                .config("replica-read-only", "no").start();
                RespClient rc = new RespClient(replica.port())) {
            replica.call(() -> {
                replica.server().config().set("replicaof", "127.0.0.1 1"); // a master that never answers
                for (Database db : replica.server().dbs()) db.expireMode(Database.ExpireMode.HIDE);
                // a key as the master would have written it: a replica never expires it by itself
                Database db = replica.server().db(0);
                db.setExpire(db.add("from-master".getBytes(), "v".getBytes()), replicaClock.millis() + 1);
                return null;
            });
            assertThat(rc.callText("SET", "foo", "bar", "PX", "1")).isEqualTo("+OK\r\n");
            rc.callText("SELECT", "3");
            assertThat(rc.callText("SET", "bar", "v")).isEqualTo("+OK\r\n");
            assertThat(rc.callText("EXPIRE", "bar", "1")).isEqualTo(":1\r\n");
            replicaClock.advance(5000);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < deadline
                    && replica.call(() -> replica.server().stats().expiredKeys) < 2) {
                Thread.sleep(10);
            }
            assertThat(replica.call(() -> replica.server().stats().expiredKeys)).isEqualTo(2L);
            assertThat(replica.call(() -> replica.server().db(0).raw("foo".getBytes()))).isNull();
            assertThat(replica.call(() -> replica.server().db(3).raw("bar".getBytes()))).isNull();
            assertThat(replica.call(() -> replica.server().db(0).raw("from-master".getBytes()))).isNotNull();
        }
    }

    @Test void clientPauseHidesExpiredKeysWithoutDeletingThem() {
        call("SET", "foo", "bar", "PX", "10");
        assertThat(call("CLIENT", "PAUSE", "50000", "WRITE")).isEqualTo("+OK\r\n");
        clock.advance(100);
        assertThat(call("GET", "foo")).isEqualTo("$-1\r\n");
        // every key volatile and logically expired: after 100 tries one is returned anyway (Redis 7.0 would spin)
        assertThat(call("RANDOMKEY")).isEqualTo("$3\r\nfoo\r\n");
        assertThat(dbSize()).isEqualTo(1);
        assertThat(server.call(() -> server.server().stats().expiredKeys)).isZero();
        assertThat(call("CLIENT", "UNPAUSE")).isEqualTo("+OK\r\n");
        assertThat(call("GET", "foo")).isEqualTo("$-1\r\n");
        assertThat(dbSize()).isZero();
        assertThat(server.call(() -> server.server().stats().expiredKeys)).isEqualTo(1L);
    }
}
