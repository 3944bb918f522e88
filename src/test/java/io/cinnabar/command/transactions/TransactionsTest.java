package io.cinnabar.command.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cinnabar.Cinnabar;
import io.cinnabar.server.Propagator;
import io.cinnabar.testing.RespClient;
import io.cinnabar.time.ManualClock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.SetParams;

/** MULTI/EXEC/DISCARD/WATCH over real connections, WATCH races, expiry, and propagation as one unit. */
class TransactionsTest {
    static final ManualClock clock = new ManualClock();
    static Cinnabar server;
    static final List<String> stream = new ArrayList<>();

    @BeforeAll static void start() {
        server = Cinnabar.builder().port(0).clock(clock).start();
        server.call(() -> {
            Propagator.Sink sink = (buf, db) -> {
                synchronized (stream) {
                    stream.add(buf.toString(StandardCharsets.UTF_8));
                }
            };
            server.server().propagator().addSink(sink);
            return null;
        });
    }

    @AfterAll static void stop() {
        server.close();
    }

    @BeforeEach void clearStream() {
        synchronized (stream) {
            stream.clear();
        }
    }

    private static Jedis jedis() {
        return new Jedis("127.0.0.1", server.port(), 15_000);
    }

    private static String propagated() {
        synchronized (stream) {
            return String.join("", stream).replaceAll("\\*2\r\n\\$6\r\nSELECT\r\n\\$1\r\n\\d\r\n", "");
        }
    }

    @Test void execRunsQueuedCommandsAndReturnsRuntimeErrorsInPlace() {
        try (Jedis j = jedis()) {
            j.del("t1", "h1");
            j.sadd("h1", "m");
            Transaction t = j.multi();
            t.set("t1", "v");
            t.hset("h1", "f", "v"); // WRONGTYPE at run time: the rest still runs
            t.get("t1");
            List<Object> res = t.exec();
            assertThat(res).hasSize(3);
            assertThat(res.get(0)).isEqualTo("OK");
            assertThat(res.get(1)).isInstanceOf(JedisDataException.class);
            assertThat(((Exception) res.get(1)).getMessage()).startsWith("WRONGTYPE");
            assertThat(res.get(2)).isEqualTo("v");
        }
    }

    @Test void protocolErrorsAsRedis() {
        try (RespClient c = new RespClient(server.port())) {
            assertThat(c.callText("EXEC")).isEqualTo("-ERR EXEC without MULTI\r\n");
            assertThat(c.callText("DISCARD")).isEqualTo("-ERR DISCARD without MULTI\r\n");
            assertThat(c.callText("MULTI")).isEqualTo("+OK\r\n");
            assertThat(c.callText("MULTI")).isEqualTo("-ERR MULTI calls can not be nested\r\n");
            assertThat(c.callText("WATCH", "x")).isEqualTo("-ERR WATCH inside MULTI is not allowed\r\n");
            assertThat(c.callText("SET", "ea", "1")).isEqualTo("+QUEUED\r\n");
            // neither error above aborts the transaction
            assertThat(c.callText("EXEC")).isEqualTo("*1\r\n+OK\r\n");

            assertThat(c.callText("MULTI")).isEqualTo("+OK\r\n");
            assertThat(c.callText("SET", "eb", "1")).isEqualTo("+QUEUED\r\n");
            assertThat(c.callText("NOSUCHCMD")).startsWith("-ERR unknown command 'NOSUCHCMD'");
            assertThat(c.callText("SET", "eb")).isEqualTo("-ERR wrong number of arguments for 'set' command\r\n");
            assertThat(c.callText("SET", "ec", "1")).isEqualTo("+QUEUED\r\n");
            assertThat(c.callText("EXEC"))
                    .isEqualTo("-EXECABORT Transaction discarded because of previous errors.\r\n");
            assertThat(c.callText("GET", "eb")).isEqualTo("$-1\r\n");
            assertThat(c.callText("PING")).isEqualTo("+PONG\r\n"); // out of MULTI

            assertThat(c.callText("MULTI")).isEqualTo("+OK\r\n");
            assertThat(c.callText("SET", "ed", "1")).isEqualTo("+QUEUED\r\n");
            assertThat(c.callText("DISCARD")).isEqualTo("+OK\r\n");
            assertThat(c.callText("GET", "ed")).isEqualTo("$-1\r\n");
        }
    }

    @Test void watchedKeyChangedByAnotherClientFailsExec() {
        try (Jedis a = jedis(); Jedis b = jedis()) {
            a.set("w1", "1");
            a.watch("w1", "w-other");
            b.set("w1", "2");
            Transaction t = a.multi();
            t.set("w1", "from-a");
            assertThat(t.exec()).isNull();
            assertThat(a.get("w1")).isEqualTo("2");
            // after a failed EXEC nothing is watched any more
            b.set("w1", "3");
            t = a.multi();
            t.set("w1", "from-a");
            assertThat(t.exec()).containsExactly("OK");
        }
    }

    @Test void unwatchAndDiscardForgetTheWatch() {
        try (Jedis a = jedis(); Jedis b = jedis()) {
            a.watch("w2");
            b.set("w2", "x");
            a.unwatch();
            Transaction t = a.multi();
            t.get("w2");
            assertThat(t.exec()).containsExactly("x");

            a.watch("w2");
            b.set("w2", "y");
            a.multi().discard();
            t = a.multi();
            t.get("w2");
            assertThat(t.exec()).containsExactly("y");
        }
    }

    @Test void ownWritesInsideExecDoNotDirtyAndWatchRemembersTheDb() {
        try (Jedis a = jedis(); Jedis b = jedis()) {
            a.select(3);
            a.set("w3", "1");
            a.watch("w3");
            b.set("w3", "db0"); // another db: not the watched key
            Transaction t = a.multi();
            t.set("w3", "2");
            assertThat(t.exec()).containsExactly("OK");
            a.select(0);
        }
    }

    @Test void watchedKeyThatExpiresBeforeExecFailsIt() {
        try (Jedis a = jedis()) {
            a.set("w4", "v", SetParams.setParams().px(100));
            a.watch("w4");
            clock.advance(200); // expired, not yet deleted: EXEC still sees it (isWatchedKeyExpired)
            Transaction t = a.multi();
            t.set("wx", "1");
            assertThat(t.exec()).isNull();
        }
    }

    @Test void keyAlreadyExpiredWhenWatchedDoesNotFailExec() {
        try (Jedis a = jedis()) {
            a.set("w5", "v", SetParams.setParams().px(100));
            clock.advance(200);
            a.watch("w5");
            assertThat(a.get("w5")).isNull(); // lazy deletion of a stale key is no logical change
            Transaction t = a.multi();
            t.set("wx", "1");
            assertThat(t.exec()).containsExactly("OK");
        }
    }

    /** Two connections incrementing one counter with optimistic locking: no update is lost. */
    @Test void watchRaceBetweenTwoConnections() throws Exception {
        try (Jedis init = jedis()) {
            init.set("race", "0");
        }
        int perClient = 100;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> retries = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                retries.add(pool.submit(() -> {
                    int failed = 0;
                    try (Jedis j = jedis()) {
                        for (int i = 0; i < perClient; i++) {
                            while (true) {
                                j.watch("race");
                                long v = Long.parseLong(j.get("race"));
                                Transaction t = j.multi();
                                t.set("race", Long.toString(v + 1));
                                if (t.exec() != null) break;
                                failed++;
                            }
                        }
                    }
                    return failed;
                }));
            }
            for (Future<Integer> f : retries) f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        try (Jedis j = jedis()) {
            assertThat(j.get("race")).isEqualTo(Integer.toString(2 * perClient));
        }
    }

    @Test void transactionIsPropagatedOnceWrappedInMultiExec() {
        try (Jedis j = jedis()) {
            Transaction t = j.multi();
            t.set("p1", "a");
            t.get("p1");
            t.set("p2", "b");
            t.exec();
            assertThat(propagated()).isEqualTo("*1\r\n$5\r\nMULTI\r\n"
                    + "*3\r\n$3\r\nSET\r\n$2\r\np1\r\n$1\r\na\r\n"
                    + "*3\r\n$3\r\nSET\r\n$2\r\np2\r\n$1\r\nb\r\n"
                    + "*1\r\n$4\r\nEXEC\r\n");
        }
    }

    @Test void singleWriteOrReadOnlyTransactionsAreNotWrapped() {
        try (Jedis j = jedis()) {
            Transaction t = j.multi();
            t.get("p1");
            t.exec();
            t = j.multi();
            t.exec();
            assertThat(propagated()).isEmpty();
            t = j.multi();
            t.set("p3", "c");
            t.get("p3");
            t.exec();
            assertThat(propagated()).isEqualTo("*3\r\n$3\r\nSET\r\n$2\r\np3\r\n$1\r\nc\r\n");
        }
    }

    @Test void abortedExecPropagatesNothing() {
        try (RespClient c = new RespClient(server.port())) {
            c.callText("MULTI");
            c.callText("SET", "p4", "d");
            c.callText("NOPE");
            assertThat(c.callText("EXEC")).startsWith("-EXECABORT");
            assertThat(propagated()).isEmpty();
        }
    }

    @Test void resetLeavesMultiWatchAndSubscriptions() {
        try (RespClient c = new RespClient(server.port()); Jedis other = jedis()) {
            c.callText("WATCH", "r1");
            c.callText("SUBSCRIBE", "rch");
            assertThat(c.callText("RESET")).isEqualTo("+RESET\r\n");
            assertThat(other.pubsubNumSub("rch")).containsEntry("rch", 0L);
            assertThat(c.callText("MULTI")).isEqualTo("+OK\r\n");
            assertThat(c.callText("SET", "r1", "x")).isEqualTo("+QUEUED\r\n");
            assertThat(c.callText("RESET")).isEqualTo("+RESET\r\n");
            assertThat(c.callText("EXEC")).isEqualTo("-ERR EXEC without MULTI\r\n");
            assertThat(c.callText("GET", "r1")).isEqualTo("$-1\r\n");
            other.set("r1", "changed"); // no longer watched: the next transaction runs
            c.callText("MULTI");
            c.callText("GET", "r1");
            assertThat(c.callText("EXEC")).isEqualTo("*1\r\n$7\r\nchanged\r\n");
        }
    }
}
