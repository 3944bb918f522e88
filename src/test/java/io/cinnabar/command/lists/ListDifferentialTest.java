package io.cinnabar.command.lists;

import io.cinnabar.testing.Differential;
import io.cinnabar.testing.DifferentialTestBase;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** List commands, replies and errors byte for byte against a real redis-server. */
class ListDifferentialTest extends DifferentialTestBase {

    @Test void script() {
        try (Differential d = new Differential(ours.port(), redis.port())) {
            d.script("""
                    DEL l l2 s
                    LPUSH l a b c
                    RPUSH l d e
                    LPUSHX nol x
                    RPUSHX l f g
                    LRANGE l 0 -1
                    LRANGE l -100 100
                    LRANGE l 5 2
                    LRANGE l a 1
                    LRANGE nol 0 -1
                    LLEN l
                    LLEN nol
                    LINDEX l 0
                    LINDEX l -1
                    LINDEX l 100
                    LINDEX l x
                    LINDEX nol x
                    LSET l 1 B
                    LSET l 100 B
                    LSET l x B
                    LSET nol 0 B
                    LINSERT l BEFORE B x
                    LINSERT l AFTER g y
                    LINSERT l AFTER nothere y
                    LINSERT l MIDDLE B y
                    LINSERT nol BEFORE a b
                    LPOS l B
                    LPOS l B RANK -1
                    LPOS l B RANK 0
                    LPOS l B COUNT 0
                    LPOS l B COUNT -1
                    LPOS l B MAXLEN -1
                    LPOS l B MAXLEN 1
                    LPOS l zz COUNT 2
                    LPOS nol a
                    LPOS nol a COUNT 1
                    LPOS l B FOO
                    RPUSH l B B B
                    LPOS l B COUNT 2 RANK 2
                    LPOS l B COUNT 0 RANK -2 MAXLEN 3
                    LREM l 2 B
                    LREM l -1 B
                    LREM l 0 B
                    LREM l x B
                    LREM nol 0 a
                    LTRIM l 1 -2
                    LRANGE l 0 -1
                    LTRIM l x 1
                    LTRIM nol 0 1
                    LPOP l
                    RPOP l 2
                    LPOP l 0
                    LPOP l -1
                    LPOP l x
                    LPOP l 1 2
                    LPOP nol
                    LPOP nol 2
                    RPUSH l2 1 2 3
                    LMOVE l2 l LEFT RIGHT
                    LMOVE l2 l2 RIGHT LEFT
                    LMOVE l2 l UP LEFT
                    RPOPLPUSH l2 l
                    RPOPLPUSH nol l
                    LRANGE l 0 -1
                    LRANGE l2 0 -1
                    SET s str
                    LPUSH s a
                    LLEN s
                    LRANGE s 0 1
                    LMOVE l s LEFT LEFT
                    LMOVE s l LEFT LEFT
                    LMPOP 2 nol l LEFT COUNT 2
                    LMPOP 2 nol l RIGHT
                    LMPOP 1 nol LEFT
                    LMPOP 0 l LEFT
                    LMPOP 3 l LEFT
                    LMPOP 1 l LEFT COUNT 0
                    LMPOP 1 l LEFT COUNT 1 COUNT 2
                    LMPOP 1 s LEFT
                    BLPOP s 0
                    BLPOP l -1
                    BLPOP l abc
                    BLMPOP 0 0 l LEFT
                    BLMPOP abc 1 l LEFT
                    BLMOVE l l2 LEFT UP 0
                    BRPOPLPUSH l l2 x
                    RPUSH l2 z
                    BLPOP nol l2 1
                    BRPOP nol l2 1
                    BLMPOP 1 2 nol l2 LEFT COUNT 10
                    RPUSH l2 a b
                    BLMOVE l2 l3 RIGHT LEFT 1
                    BRPOPLPUSH l2 l3 1
                    LRANGE l3 0 -1
                    LPOS l3 b RANK -9223372036854775808
                    """);
        }
    }

    @Test void randomCommands() {
        Random r = new Random(42);
        String[] keys = {"ra", "rb", "rc"};
        String[] vals = {"x", "y", "z", "1", "-2"};
        try (Differential d = new Differential(ours.port(), redis.port())) {
            d.check("DEL", "ra", "rb", "rc");
            for (int i = 0; i < 3000; i++) {
                String k = keys[r.nextInt(3)], k2 = keys[r.nextInt(3)], v = vals[r.nextInt(vals.length)];
                String n = Integer.toString(r.nextInt(9) - 4);
                String side = r.nextBoolean() ? "LEFT" : "RIGHT";
                switch (r.nextInt(16)) {
                    case 0 -> d.check("LPUSH", k, v, v + v);
                    case 1 -> d.check("RPUSH", k, v);
                    case 2 -> d.check("LPOP", k);
                    case 3 -> d.check("RPOP", k, Integer.toString(r.nextInt(4)));
                    case 4 -> d.check("LINSERT", k, r.nextBoolean() ? "BEFORE" : "AFTER", v, "ins");
                    case 5 -> d.check("LREM", k, n, v);
                    case 6 -> d.check("LTRIM", k, n, Integer.toString(r.nextInt(9) - 4));
                    case 7 -> d.check("LSET", k, n, v);
                    case 8 -> d.check("LINDEX", k, n);
                    case 9 -> d.check("LRANGE", k, n, Integer.toString(r.nextInt(9) - 4));
                    case 10 -> d.check("LMOVE", k, k2, side, r.nextBoolean() ? "LEFT" : "RIGHT");
                    case 11 -> d.check("LPOS", k, v, "RANK", r.nextBoolean() ? "1" : "-2", "COUNT",
                            Integer.toString(r.nextInt(3)));
                    case 12 -> d.check("LMPOP", "2", k, k2, side, "COUNT", Integer.toString(1 + r.nextInt(3)));
                    case 13 -> d.check("BLPOP", k, k2, "0.01");
                    case 14 -> d.check("LLEN", k);
                    default -> d.check("RPUSHX", k, v);
                }
            }
        }
    }
}
