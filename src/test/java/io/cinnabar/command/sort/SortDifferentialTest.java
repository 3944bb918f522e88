package io.cinnabar.command.sort;

import io.cinnabar.testing.Differential;
import io.cinnabar.testing.DifferentialTestBase;
import org.junit.jupiter.api.Test;

/** SORT / SORT_RO over lists, sets and sorted sets, byte for byte against redis-server. */
class SortDifferentialTest extends DifferentialTestBase {

    @Test void optionsOverEveryType() {
        try (Differential d = new Differential(ours.port(), redis.port())) {
            d.script("""
                    FLUSHALL
                    RPUSH l 3 1 2 10 -5 2.5
                    SADD s 7 3 9 1
                    SADD sw banana apple cherry
                    ZADD z 3 c 1 a 2 b 5 e 4 d
                    MSET w_3 30 w_1 10 w_2 20 w_10 5 w_-5 50 w_2.5 1
                    HSET h_3 f x3 n 3
                    HSET h_1 f x1 n 9
                    SORT l
                    SORT l DESC
                    SORT l LIMIT 1 3
                    SORT l LIMIT -5 2
                    SORT l LIMIT 2 -1
                    SORT l LIMIT 10 5
                    SORT l LIMIT 0 0
                    SORT l LIMIT a b
                    SORT l LIMIT 1
                    SORT l BY w_*
                    SORT l BY w_* DESC
                    SORT l BY w_* LIMIT 1 2
                    SORT l BY nosort
                    SORT l BY nosort DESC
                    SORT l BY nosort LIMIT 1 2
                    SORT l BY nosort DESC LIMIT 1 2
                    SORT l GET # GET w_*
                    SORT l GET h_*->f GET h_*->n GET nope_*
                    SORT l GET h_*->
                    SORT l GET constant
                    SORT l ALPHA
                    SORT l ALPHA DESC LIMIT 0 3
                    SORT l BY h_*->n
                    SORT s
                    SORT s DESC
                    SORT sw
                    SORT sw ALPHA
                    SORT sw ALPHA DESC
                    SORT sw BY nosort STORE dst
                    LRANGE dst 0 -1
                    SORT s BY w_* ALPHA
                    SORT z
                    SORT z ALPHA
                    SORT z BY nosort
                    SORT z BY nosort DESC
                    SORT z BY nosort LIMIT 1 3
                    SORT z BY nosort DESC LIMIT 1 3
                    SORT z ALPHA STORE dst
                    LRANGE dst 0 -1
                    SORT l STORE dst GET nope_* GET #
                    LRANGE dst 0 -1
                    SORT nokey
                    SORT nokey STORE dst
                    EXISTS dst
                    SORT_RO l DESC
                    SORT_RO l STORE dst
                    SET str x
                    SORT str
                    SORT l FOO
                    SORT l STORE
                    SORT l BY
                    SORT l GET
                    """);
        }
    }
}
