package io.cinnabar.command.sets;

import io.cinnabar.testing.Differential;
import io.cinnabar.testing.DifferentialTestBase;
import org.junit.jupiter.api.Test;

/**
 * Set commands byte for byte against redis-server. Member order only matches for intsets
 * (ascending in both), so listings of hashtable sets are limited to one member.
 */
class SetDifferentialTest extends DifferentialTestBase {

    @Test void basicsAndErrors() {
        try (Differential d = new Differential(ours.port(), redis.port())) {
            d.script("""
                    DEL a b c d str
                    SADD a 3 1 2 5 -7
                    SADD a 1 2 9
                    SMEMBERS a
                    SCARD a
                    SCARD nokey
                    SISMEMBER a 3
                    SISMEMBER a 03
                    SISMEMBER a x
                    SMISMEMBER a 1 x 9
                    SMISMEMBER nokey 1
                    SMEMBERS nokey
                    SADD b 2 3 4 5 6
                    SINTER a b
                    SINTER a nokey
                    SUNION a b
                    SDIFF a b
                    SDIFF b a
                    SDIFF a a
                    SDIFF nokey a
                    SINTERCARD 2 a b
                    SINTERCARD 2 a b LIMIT 2
                    SINTERCARD 2 a b LIMIT 0
                    SINTERCARD 1 a
                    SINTERCARD 0 a
                    SINTERCARD abc a
                    SINTERCARD 3 a b
                    SINTERCARD 2 a b LIMIT -1
                    SINTERCARD 2 a b LIMIT
                    SINTERCARD 2 a b FOO 1
                    SINTERSTORE c a b
                    SMEMBERS c
                    SUNIONSTORE c a b
                    SMEMBERS c
                    SDIFFSTORE c a b
                    SMEMBERS c
                    SINTERSTORE c a nokey
                    SCARD c
                    SUNIONSTORE c nokey
                    SREM a 1 2 x
                    SREM nokey 1
                    SMOVE a b 3
                    SMOVE a b 3
                    SMOVE a a 5
                    SMOVE nokey a 1
                    SMOVE a d 5
                    SMEMBERS d
                    SMEMBERS a
                    SSCAN a 0
                    SSCAN a 0 MATCH 9
                    SSCAN a 0 COUNT 0
                    SSCAN nokey 0 FOO
                    SSCAN a x
                    SRANDMEMBER nokey
                    SRANDMEMBER nokey 3
                    SRANDMEMBER a 0
                    SRANDMEMBER a 100
                    SRANDMEMBER a 1 2
                    SRANDMEMBER a -9223372036854775808
                    SRANDMEMBER a abc
                    SPOP nokey
                    SPOP nokey 3
                    SPOP a 0
                    SPOP a -1
                    SPOP a 1 2
                    SPOP a abc
                    SPOP a 100
                    SCARD a
                    SET str x
                    SADD str 1
                    SMEMBERS str
                    SINTER b str
                    SINTER nokey str
                    SUNION b str
                    SDIFF nokey str
                    SINTERSTORE c b str
                    SMOVE str b 1
                    SMOVE b str 2
                    SMOVE nokey str 2
                    SINTERSTORE str b d
                    SMEMBERS str
                    SADD w hello
                    SMEMBERS w
                    SADD w 1
                    SREM w hello
                    SMEMBERS w
                    """);
        }
    }
}
