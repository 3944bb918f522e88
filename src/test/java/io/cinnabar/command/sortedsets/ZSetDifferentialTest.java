package io.cinnabar.command.sortedsets;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cinnabar.Cinnabar;
import io.cinnabar.testing.Differential;
import io.cinnabar.testing.RealRedis;
import io.cinnabar.testing.RespClient;
import java.util.HashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sorted-set commands byte for byte against a real redis-server: scripted edge cases and random sequences. */
class ZSetDifferentialTest {
    static Cinnabar ours;
    static final Map<String, Cinnabar> bySize = new HashMap<>();
    static RealRedis redis;

    @BeforeAll static void start() {
        assumeTrue(RealRedis.available(), "redis-server not installed");
        ours = Cinnabar.builder().port(0).start();
        redis = RealRedis.start();
    }

    @AfterAll static void stop() {
        if (ours != null) ours.close();
        bySize.values().forEach(Cinnabar::close);
        if (redis != null) redis.close();
    }

    /** A Cinnabar with the given zset-max-listpack-entries, and the real server set the same way. */
    static Differential withMaxEntries(String n) {
        Cinnabar c = n.equals("128") ? ours
                : bySize.computeIfAbsent(n, k -> Cinnabar.builder().port(0).config("zset-max-listpack-entries", k).start());
        try (RespClient r = new RespClient(redis.port())) {
            r.call("CONFIG", "SET", "zset-max-listpack-entries", n);
        }
        return new Differential(c.port(), redis.port());
    }

    private static final String SCRIPT = """
            ZADD z 1 a 2 b 3 c 4 d 5 e
            ZADD z NX XX 1 a
            ZADD z GT LT 1 a
            ZADD z NX GT 1 a
            ZADD z INCR 1 a 2 b
            ZADD z 1
            ZADD z abc a
            ZADD z nan a
            ZADD z INCR inf a
            ZADD z INCR -inf a
            ZSCORE z a
            ZADD z 1 a
            ZADD z CH GT 0 a 7 b 1 new
            ZADD z XX CH 9 c 1 nope
            ZADD z INCR XX 1 nope
            ZADD z INCR NX 5 a
            ZINCRBY z 1.5 a
            ZINCRBY z abc a
            ZINCRBY z2 -2 x
            ZRANGE z 0 -1 WITHSCORES
            ZRANGE z -100 100
            ZRANGE z 3 1
            ZRANGE z 0 -1 REV WITHSCORES
            ZRANGE z 0 1 LIMIT 0 1
            ZRANGE z (1 5 BYSCORE WITHSCORES
            ZRANGE z 5 (1 BYSCORE REV LIMIT 1 2 WITHSCORES
            ZRANGE z -inf +inf BYSCORE LIMIT -1 2
            ZRANGE z -inf +inf BYSCORE LIMIT 2 -1
            ZRANGE z -inf +inf BYSCORE LIMIT 2 0
            ZRANGE z - + BYLEX WITHSCORES
            ZRANGE z a b BYLEX
            ZRANGE z 0 1 BYSCORE BYLEX
            ZRANGE z 0 1 FOO
            ZRANGEBYSCORE z abc 1
            ZRANGEBYSCORE z 1 (
            ZRANGEBYSCORE z ( 3
            ZRANGEBYSCORE z 0x1 3
            ZRANGEBYSCORE z 1e400 inf
            ZRANGEBYSCORE z -inf 2.5 WITHSCORES LIMIT 0 10
            ZREVRANGEBYSCORE z +inf -inf WITHSCORES
            ZREVRANGEBYSCORE z 3 1 LIMIT 1 1
            ZREVRANGE z 0 2 WITHSCORES
            ZREVRANGE z 0 2 LIMIT 0 1
            ZCOUNT z 2 4
            ZCOUNT z (2 (4
            ZCOUNT z 5 1
            ZCOUNT z x 1
            ZCOUNT nokey 1 2
            ZCARD z
            ZCARD nokey
            ZRANK z c
            ZREVRANK z c
            ZRANK z nope
            ZRANK nokey a
            ZMSCORE z a nope c
            ZMSCORE nokey a b
            ZSCORE z nope
            DEL lex
            ZADD lex 0 a 0 b 0 c 0 d 0 e 0 f 0 g
            ZRANGEBYLEX lex - +
            ZRANGEBYLEX lex [b (e
            ZRANGEBYLEX lex (b [e LIMIT 1 2
            ZRANGEBYLEX lex + -
            ZRANGEBYLEX lex a b
            ZRANGEBYLEX lex [a [c WITHSCORES
            ZREVRANGEBYLEX lex + - LIMIT 0 3
            ZREVRANGEBYLEX lex [e (b
            ZLEXCOUNT lex - +
            ZLEXCOUNT lex [c +
            ZLEXCOUNT lex (c (c
            ZLEXCOUNT lex foo +
            ZREMRANGEBYLEX lex [a (c
            ZREMRANGEBYLEX lex x +
            ZRANGE lex 0 -1
            ZREMRANGEBYRANK lex 0 0
            ZREMRANGEBYRANK lex 5 10
            ZREMRANGEBYRANK lex -2 -1
            ZREMRANGEBYRANK lex a 1
            ZREMRANGEBYSCORE lex 0 0
            ZCARD lex
            ZADD z2 1 a 10 b 100 x
            SADD s a b q
            ZUNION 2 z z2 WITHSCORES
            ZUNION 3 z z2 s WEIGHTS 1 2 3 AGGREGATE MAX WITHSCORES
            ZUNION 2 z z2 AGGREGATE MIN
            ZUNION 2 z z2 AGGREGATE FOO
            ZUNION 2 z z2 WEIGHTS 1 x
            ZUNION 2 z z2 WEIGHTS 1
            ZUNION 0 z
            ZUNION 3 z z2
            ZUNION abc z
            ZINTER 3 z z2 s WITHSCORES
            ZINTER 2 z z WEIGHTS 1 2 WITHSCORES
            ZINTER 2 z nokey
            ZINTERCARD 2 z z2
            ZINTERCARD 2 z z2 LIMIT 1
            ZINTERCARD 2 z z2 LIMIT -1
            ZINTERCARD 2 z z2 WITHSCORES
            ZINTERCARD 0 z
            ZDIFF 2 z z2 WITHSCORES
            ZDIFF 2 z z
            ZDIFF 2 z z2 WEIGHTS 1 1
            ZUNIONSTORE dst 3 z z2 s WEIGHTS 2 1 1
            ZRANGE dst 0 -1 WITHSCORES
            ZINTERSTORE dst 2 z z2 AGGREGATE SUM
            ZRANGE dst 0 -1 WITHSCORES
            ZDIFFSTORE dst 2 z z2
            ZRANGE dst 0 -1 WITHSCORES
            ZINTERSTORE dst 2 z nokey
            ZCARD dst
            ZUNIONSTORE dst 1 z WITHSCORES
            SET str x
            ZUNION 2 z str
            ZADD str 1 a
            ZRANGE str 0 -1
            ZRANGESTORE dst z 0 2
            ZRANGE dst 0 -1 WITHSCORES
            ZRANGESTORE dst z (1 +inf BYSCORE REV LIMIT 0 2
            ZRANGE dst 0 -1 WITHSCORES
            ZRANGESTORE dst z [a [c BYLEX
            ZRANGESTORE dst z 5 6
            ZCARD dst
            ZRANGESTORE dst z 0 1 WITHSCORES
            ZRANGESTORE dst nokey 0 -1
            ZPOPMIN z
            ZPOPMAX z
            ZPOPMIN z 2
            ZPOPMAX z 0
            ZPOPMIN z -1
            ZPOPMIN z abc
            ZPOPMIN z 1 2
            ZPOPMIN nokey
            ZPOPMIN nokey 2
            ZMPOP 2 nokey z MIN
            ZMPOP 2 nokey z2 MAX COUNT 10
            ZMPOP 1 nokey MIN
            ZMPOP 0 z MIN
            ZMPOP 1 z FOO
            ZMPOP 1 z MIN COUNT 0
            ZMPOP 1 z MIN COUNT 1 COUNT 2
            ZMPOP 5 z MIN
            ZRANDMEMBER nokey
            ZRANDMEMBER nokey 5
            ZRANDMEMBER z 0
            ZRANDMEMBER z 1 WITHSCORES FOO
            ZRANDMEMBER z -9223372036854775808
            ZRANDMEMBER z 9223372036854775807 WITHSCORES
            ZRANDMEMBER z abc
            ZSCAN z 0
            ZSCAN z abc
            ZSCAN z 0 COUNT 0
            ZSCAN z 0 MATCH * COUNT 5
            ZSCAN nokey 0
            ZREM z a b nope
            ZREM nokey a
            ZADD big 1.5 x 0.1 y 1e-5 z 123456789012345678 w -0 v
            ZRANGE big 0 -1 WITHSCORES
            ZSCAN big 0
            """;

    @Test void scriptedResp2() {
        try (Differential d = withMaxEntries("128")) {
            d.both("DEL", "z", "z2", "z3", "s", "dst", "str", "big", "lex");
            d.script(SCRIPT);
        }
    }

    @Test void scriptedResp3() {
        try (Differential d = withMaxEntries("128")) {
            d.both("HELLO", "3");
            d.both("DEL", "z", "z2", "z3", "s", "dst", "str", "big", "lex");
            d.script(SCRIPT);
        }
    }

    @Test void skiplistEncoding() {
        try (Differential d = withMaxEntries("0")) {
            d.both("DEL", "z", "z2", "z3", "s", "dst", "str", "big", "lex");
            d.script(SCRIPT.replace("ZSCAN z 0\n", "").replace("ZSCAN z 0 MATCH * COUNT 5\n", "")
                    .replace("ZSCAN big 0\n", ""));
        } finally {
            withMaxEntries("128").close();
        }
    }

    /** Random commands over three keys and a few members, in both protocols and both encodings. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void randomSequences(int seed) {
        Random rnd = new Random(seed);
        try (Differential d = withMaxEntries(seed > 2 ? "4" : "128")) {
            if (seed % 2 == 0) d.both("HELLO", "3");
            d.both("DEL", "k0", "k1", "k2", "lexkey");
            for (int i = 0; i < 1500; i++) d.check(randomCommand(rnd));
        } finally {
            withMaxEntries("128").close();
        }
    }

    private static final String[] MEMBERS = {"a", "b", "c", "d", "e", "f", "g", "h"};

    private static String key(Random r) {
        return "k" + r.nextInt(3);
    }

    private static String member(Random r) {
        return MEMBERS[r.nextInt(MEMBERS.length)];
    }

    private static String score(Random r) {
        switch (r.nextInt(10)) {
            case 0: return "-inf";
            case 1: return "+inf";
            case 2: return Double.toString(r.nextInt(100) / 8.0);
            default: return Integer.toString(r.nextInt(10) - 3);
        }
    }

    private static String scoreBound(Random r) {
        return (r.nextBoolean() ? "(" : "") + score(r);
    }

    private static String lexBound(Random r) {
        switch (r.nextInt(6)) {
            case 0: return "-";
            case 1: return "+";
            default: return (r.nextBoolean() ? "(" : "[") + member(r);
        }
    }

    private static String[] randomCommand(Random r) {
        List<String> c = new ArrayList<>();
        switch (r.nextInt(20)) {
            case 0: case 1: case 2: {
                c.add("ZADD");
                c.add(key(r));
                String[] opts = {"NX", "XX", "GT", "LT", "CH", "INCR"};
                for (String o : opts) if (r.nextInt(6) == 0) c.add(o);
                int n = c.contains("INCR") ? 1 : 1 + r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    c.add(score(r));
                    c.add(member(r));
                }
                break;
            }
            case 3: c.addAll(List.of("ZINCRBY", key(r), score(r), member(r))); break;
            case 4: c.addAll(List.of("ZREM", key(r), member(r), member(r))); break;
            case 5: c.addAll(List.of("ZRANGE", key(r), Integer.toString(r.nextInt(8) - 4), Integer.toString(r.nextInt(8) - 4)));
                if (r.nextBoolean()) c.add("REV");
                if (r.nextBoolean()) c.add("WITHSCORES");
                break;
            case 6: c.addAll(List.of("ZRANGE", key(r), scoreBound(r), scoreBound(r), "BYSCORE"));
                if (r.nextBoolean()) c.add("REV");
                if (r.nextBoolean()) c.add("WITHSCORES");
                if (r.nextBoolean()) c.addAll(List.of("LIMIT", Integer.toString(r.nextInt(4) - 1), Integer.toString(r.nextInt(5) - 1)));
                break;
            case 7: c.addAll(List.of(r.nextBoolean() ? "ZRANGEBYLEX" : "ZREVRANGEBYLEX", "lexkey", lexBound(r), lexBound(r)));
                if (r.nextBoolean()) c.addAll(List.of("LIMIT", Integer.toString(r.nextInt(3)), Integer.toString(r.nextInt(4) - 1)));
                break;
            case 8: c.addAll(List.of("ZADD", "lexkey", "0", member(r))); break;
            case 9: c.addAll(List.of("ZCOUNT", key(r), scoreBound(r), scoreBound(r))); break;
            case 10: c.addAll(List.of("ZLEXCOUNT", "lexkey", lexBound(r), lexBound(r))); break;
            case 11: c.addAll(List.of(r.nextBoolean() ? "ZRANK" : "ZREVRANK", key(r), member(r))); break;
            case 12: c.addAll(List.of(r.nextBoolean() ? "ZPOPMIN" : "ZPOPMAX", key(r)));
                if (r.nextBoolean()) c.add(Integer.toString(r.nextInt(4)));
                break;
            case 13: c.addAll(List.of("ZREMRANGEBYSCORE", key(r), scoreBound(r), scoreBound(r))); break;
            case 14: c.addAll(List.of("ZREMRANGEBYRANK", key(r), Integer.toString(r.nextInt(6) - 3), Integer.toString(r.nextInt(6) - 3))); break;
            case 15: {
                String[] ops = {"ZUNION", "ZINTER", "ZDIFF", "ZUNIONSTORE", "ZINTERSTORE", "ZDIFFSTORE"};
                String op = ops[r.nextInt(ops.length)];
                c.add(op);
                if (op.endsWith("STORE")) c.add(key(r));
                int n = 1 + r.nextInt(3);
                c.add(Integer.toString(n));
                for (int i = 0; i < n; i++) c.add(key(r));
                if (!op.startsWith("ZDIFF") && r.nextBoolean()) {
                    c.add("WEIGHTS");
                    for (int i = 0; i < n; i++) c.add(Integer.toString(r.nextInt(5) - 2));
                }
                if (!op.startsWith("ZDIFF") && r.nextBoolean()) c.addAll(List.of("AGGREGATE", new String[] {"SUM", "MIN", "MAX"}[r.nextInt(3)]));
                if (!op.endsWith("STORE") && r.nextBoolean()) c.add("WITHSCORES");
                break;
            }
            case 16: c.addAll(List.of("ZMPOP", "2", key(r), key(r), r.nextBoolean() ? "MIN" : "MAX"));
                if (r.nextBoolean()) c.addAll(List.of("COUNT", Integer.toString(1 + r.nextInt(3))));
                break;
            case 17: c.addAll(List.of("ZRANGESTORE", key(r), key(r), scoreBound(r), scoreBound(r), "BYSCORE")); break;
            case 18: c.addAll(List.of("ZMSCORE", key(r), member(r), member(r))); break;
            default: c.addAll(List.of("ZRANGE", key(r), "0", "-1", "WITHSCORES")); break;
        }
        return c.toArray(new String[0]);
    }
}
