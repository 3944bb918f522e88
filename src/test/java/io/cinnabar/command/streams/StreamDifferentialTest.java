package io.cinnabar.command.streams;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cinnabar.Cinnabar;
import io.cinnabar.testing.Differential;
import io.cinnabar.testing.RealRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Stream commands byte for byte against redis-server, with explicit IDs so both sides agree. */
class StreamDifferentialTest {
    static Cinnabar ours;
    static RealRedis redis;

    @BeforeAll static void start() {
        assumeTrue(RealRedis.available(), "redis-server not installed");
        ours = Cinnabar.builder().port(0).config("stream-node-max-entries", "4").start();
        redis = RealRedis.start();
    }

    @AfterAll static void stop() {
        if (ours != null) ours.close();
        if (redis != null) redis.close();
    }

    @Test void addRangeTrimDeleteAndErrors() {
        try (Differential d = new Differential(ours.port(), redis.port())) {
            d.both("CONFIG", "SET", "stream-node-max-entries", "4");
            d.script("""
                    DEL s t str
                    XADD s
                    XADD s 1-1
                    XADD s 1-1 f
                    XADD s 0-0 f v
                    XADD s 0 f v
                    XADD s -1 f v
                    XADD s 1-x f v
                    XADD s 18446744073709551616 f v
                    XADD s 1-1 f v
                    XADD s 1-1 f v
                    XADD s 1-0 f v
                    XADD s 1-* f v g w
                    XADD s 2-* a b
                    XADD s 00003-07 a b
                    XADD s NOMKSTREAM 4 a b
                    XADD t NOMKSTREAM * a b
                    EXISTS t
                    XADD s MAXLEN 2 MINID 1 5 a b
                    XADD s LIMIT 10 6 a b
                    XADD s MAXLEN = 10 LIMIT 5 6 a b
                    XADD s MAXLEN -1 6 a b
                    XADD s MAXLEN ~ 10 LIMIT -1 6 a b
                    XADD s MAXLEN abc 6 a b
                    XRANGE s - +
                    XRANGE s - + COUNT 2
                    XRANGE s - + COUNT 0
                    XRANGE s - + COUNT -1
                    XRANGE s - + COUNT
                    XRANGE s - + FOO 1
                    XRANGE s (1-1 +
                    XRANGE s (1-1 (3
                    XRANGE s 2 2
                    XRANGE s (18446744073709551615-18446744073709551615 +
                    XRANGE s - (0-0
                    XRANGE s (- +
                    XRANGE s x +
                    XRANGE nokey - +
                    XREVRANGE s + -
                    XREVRANGE s + - COUNT 1
                    XREVRANGE s (3-7 -
                    XLEN s
                    XLEN nokey
                    SET str v
                    XLEN str
                    XADD str * a b
                    XRANGE str - +
                    XDEL s 1-2 999 1-2
                    XDEL s bad
                    XDEL nokey 1
                    XRANGE s - +
                    XTRIM s
                    XTRIM s FOO 1
                    XTRIM s MAXLEN 3
                    XRANGE s - +
                    XTRIM s MINID 3-7
                    XRANGE s - +
                    XTRIM s MINID ~ 0
                    XTRIM nokey MAXLEN 0
                    XTRIM s MAXLEN 1 LIMIT 1
                    XSETID s 1-0
                    XSETID s 100-0 ENTRIESADDED 1
                    XSETID s 100-0 MAXDELETEDID 200-0
                    XSETID s 100-0 ENTRIESADDED -1
                    XSETID s 100-0 ENTRIESADDED 50 MAXDELETEDID 90-0
                    XSETID nokey 1-0
                    XADD s 99-0 a b
                    XADD s 100-1 a b
                    XADD s MINID = 100-1 101-0 x y
                    XRANGE s - +
                    """);
            for (int i = 1; i <= 40; i++) d.check("XADD", "big", i + "-0", "f", Integer.toString(i));
            d.script("""
                    XTRIM big MAXLEN ~ 10
                    XLEN big
                    XADD big MAXLEN ~ 5 LIMIT 4 41 f v
                    XLEN big
                    XTRIM big MINID ~ 30
                    XRANGE big - + COUNT 3
                    XREVRANGE big + - COUNT 3
                    """);
        }
    }

    @Test void groupsReadsAndPel() {
        try (Differential d = new Differential(ours.port(), redis.port())) {
            d.script("""
                    DEL g str
                    XGROUP CREATE g grp $
                    XGROUP CREATE g grp $ MKSTREAM
                    XGROUP CREATE g grp $ MKSTREAM
                    XGROUP CREATE g grp2 0 ENTRIESREAD -5
                    XGROUP CREATE g grp2 0 FOO
                    XGROUP CREATE g grp2 0 ENTRIESREAD 0
                    XGROUP FOO g grp
                    XGROUP CREATE g
                    XADD g 1-0 a 1
                    XADD g 2-0 b 2
                    XADD g 3-0 c 3
                    XINFO GROUPS g
                    XREADGROUP GROUP grp alice STREAMS g
                    XREADGROUP GROUP grp alice STREAMS g $
                    XREADGROUP GROUP nogrp alice STREAMS g >
                    XREAD GROUP grp alice STREAMS g >
                    XREAD NOACK STREAMS g 0
                    XREAD STREAMS g >
                    XREADGROUP STREAMS g >
                    XREADGROUP GROUP grp alice COUNT 2 STREAMS g >
                    XREADGROUP GROUP grp bob STREAMS g >
                    XREADGROUP GROUP grp bob STREAMS g >
                    XREADGROUP GROUP grp alice STREAMS g 0
                    XREADGROUP GROUP grp alice COUNT 1 STREAMS g 1-0
                    XDEL g 2-0
                    XREADGROUP GROUP grp alice STREAMS g 0
                    XINFO GROUPS g
                    XPENDING g grp
                    XPENDING g nogrp
                    XPENDING g grp - + 10 nobody
                    XPENDING g grp - +
                    XPENDING g grp IDLE x - + 10
                    XACK g grp 1-0 bad
                    XACK g grp 1-0 1-0 3-0
                    XACK g nogrp 1-0
                    XPENDING g grp
                    XREADGROUP GROUP grp2 carol NOACK STREAMS g >
                    XPENDING g grp2
                    XINFO GROUPS g
                    XINFO CONSUMERS g nogrp
                    XINFO STREAM nokey
                    XINFO FOO g
                    XGROUP SETID g grp 0 ENTRIESREAD 1
                    XGROUP SETID g nogrp 0
                    XGROUP SETID g grp $
                    XINFO GROUPS g
                    XGROUP CREATECONSUMER g grp dave
                    XGROUP CREATECONSUMER g grp dave
                    XGROUP DELCONSUMER g grp alice
                    XGROUP DELCONSUMER g grp nobody
                    XGROUP DESTROY g grp2
                    XGROUP DESTROY g grp2
                    XGROUP DESTROY nokey grp
                    XCLAIM g nogrp x 0 1-0
                    XCLAIM g grp erin abc 1-0
                    XCLAIM g grp erin 0 3-0 FORCE JUSTID
                    XCLAIM g grp erin 0 3-0 BADOPT
                    XCLAIM g grp erin 0 3-0 RETRYCOUNT 7 JUSTID
                    XPENDING g grp
                    XAUTOCLAIM g grp frank 0 0 COUNT 0
                    XAUTOCLAIM g grp frank 0 0 COUNT 1 JUSTID
                    XAUTOCLAIM g grp frank 0 (0-0 FOO
                    XAUTOCLAIM g grp frank abc 0
                    XGROUP HELP
                    XINFO HELP
                    SET str v
                    XGROUP CREATE str grp $
                    XREADGROUP GROUP grp a STREAMS str >
                    """);
        }
    }
}
