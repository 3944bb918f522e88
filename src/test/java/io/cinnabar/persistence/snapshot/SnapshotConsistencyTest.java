package io.cinnabar.persistence.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.cinnabar.Cinnabar;
import io.cinnabar.persistence.Persistence;
import io.cinnabar.testing.RespClient;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BGSAVE while random writes run through a socket: the file holds exactly the keyspace as it was
 * when BGSAVE began (captured by a synchronous save in the same event-loop task), whatever the
 * writes did meanwhile: overwrite, mutate in place, delete, expire, rename, move, copy, restore,
 * swap or flush databases, create keys.
 */
class SnapshotConsistencyTest {
    @TempDir Path dir;

    private static final String[] DBS = {"0", "1", "2", "3"};

    @Test void randomWritesDuringBgsaveDoNotChangeTheImage() throws Exception {
        try (Cinnabar c = Cinnabar.builder().port(0).config("dir", dir.toString()).config("save", "").start();
             RespClient r = new RespClient(c.port())) {
            Random rnd = new Random(42);
            for (String db : DBS) {
                r.call("SELECT", db);
                for (int i = 0; i < 400; i++) randomWrite(r, rnd, true);
            }
            r.call("CONFIG", "SET", "rdb-key-save-delay", "300");
            Persistence p = c.server().persistence();
            byte[] expected = c.call(() -> {
                byte[] image = p.snapshotBytes();
                assertThat(p.bgsave()).isTrue();
                return image;
            });
            int ops = 0;
            while (c.call(p::bgsaveInProgress) || ops < 300) {
                if (rnd.nextInt(50) == 0) r.call("SELECT", DBS[rnd.nextInt(DBS.length)]);
                randomWrite(r, rnd, false);
                ops++;
                if (ops > 200_000) throw new AssertionError("BGSAVE did not finish");
            }
            assertThat(c.call(p::lastBgsaveOk)).isTrue();
            Map<String, String> want = SnapshotImages.model(expected, c.server().config());
            Map<String, String> got;
            try (InputStream in = Files.newInputStream(p.rdbPath())) {
                got = SnapshotImages.model(in, c.server().config());
            }
            assertThat(want.size()).isGreaterThan(400);
            SnapshotImages.assertSame(got, want);
        }
    }

    private static String key(Random rnd) {
        return "k" + rnd.nextInt(150);
    }

    /** One random write (or a read that may expire a key); errors such as WRONGTYPE are fine. */
    static void randomWrite(RespClient r, Random rnd, boolean fillOnly) {
        String k = key(rnd), k2 = key(rnd), v = "v" + rnd.nextInt(1000);
        int op = rnd.nextInt(fillOnly ? 8 : 40);
        switch (op) {
            case 0 -> r.call("SET", k, v);
            case 1 -> r.call("RPUSH", k, v, "x".repeat(rnd.nextInt(40)), v);
            case 2 -> r.call("HSET", k, v, v + "1", "f" + rnd.nextInt(5), v);
            case 3 -> r.call("SADD", k, v, String.valueOf(rnd.nextInt(100)));
            case 4 -> r.call("ZADD", k, String.valueOf(rnd.nextInt(100)), v);
            case 5 -> r.call("XADD", k, "*", "f", v);
            case 6 -> r.call("SET", k, v, "EX", String.valueOf(100 + rnd.nextInt(1000)));
            case 7 -> r.call("SET", k, v, "PX", String.valueOf(1 + rnd.nextInt(300)));
            case 8 -> r.call("DEL", k);
            case 9 -> r.call("APPEND", k, v);
            case 10 -> r.call("INCR", k);
            case 11 -> r.call("LPOP", k);
            case 12 -> r.call("HDEL", k, v);
            case 13 -> r.call("SREM", k, v);
            case 14 -> r.call("ZINCRBY", k, "1.5", v);
            case 15 -> r.call("PEXPIRE", k, String.valueOf(1 + rnd.nextInt(200)));
            case 16 -> r.call("PERSIST", k);
            case 17 -> r.call("RENAME", k, k2);
            case 18 -> r.call("MOVE", k, DBS[rnd.nextInt(DBS.length)]);
            case 19 -> r.call("COPY", k, k2, "DB", DBS[rnd.nextInt(DBS.length)], "REPLACE");
            case 20 -> {
                byte[] dump = r.call("DUMP", k);
                if (dump[0] == '$' && dump[1] != '-') {
                    int start = indexOf(dump, (byte) '\n') + 1;
                    byte[] payload = java.util.Arrays.copyOfRange(dump, start, dump.length - 2);
                    r.call("RESTORE".getBytes(), k2.getBytes(), "0".getBytes(), payload, "REPLACE".getBytes());
                }
            }
            case 21 -> r.call("SWAPDB", DBS[rnd.nextInt(DBS.length)], DBS[rnd.nextInt(DBS.length)]);
            case 22 -> {
                if (rnd.nextInt(20) == 0) r.call("FLUSHDB");
            }
            case 23 -> r.call("GETDEL", k);
            case 24 -> r.call("GETEX", k, "PX", String.valueOf(1 + rnd.nextInt(100)));
            case 25 -> r.call("SETRANGE", k, String.valueOf(rnd.nextInt(10)), v);
            case 26 -> r.call("SUNIONSTORE", k, k2, key(rnd));
            case 27 -> r.call("LMOVE", k, k2, "LEFT", "RIGHT");
            case 28 -> r.call("SPOP", k);
            case 29 -> r.call("ZPOPMIN", k);
            case 30 -> r.call("XTRIM", k, "MAXLEN", "1");
            case 31 -> r.call("GET", k);
            case 32 -> r.call("UNLINK", k, k2);
            case 33 -> r.call("LSET", k, "0", v);
            case 34 -> r.call("HINCRBY", k, "n", "3");
            case 35 -> r.call("SMOVE", k, k2, v);
            case 36 -> r.call("ZUNIONSTORE", k, "2", k2, key(rnd));
            case 37 -> r.call("SORT", k, "ALPHA", "STORE", k2);
            case 38 -> r.call("RANDOMKEY");
            default -> r.call("EXPIRE", k, String.valueOf(1000 + rnd.nextInt(1000)));
        }
    }

    private static int indexOf(byte[] b, byte x) {
        for (int i = 0; i < b.length; i++) if (b[i] == x) return i;
        return -1;
    }
}
