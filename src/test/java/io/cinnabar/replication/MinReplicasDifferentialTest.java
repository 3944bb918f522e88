package io.cinnabar.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.cinnabar.testing.Differential;
import io.cinnabar.testing.DifferentialTestBase;
import org.junit.jupiter.api.Test;

/** min-replicas-to-write without replicas: the same NOREPLICAS replies as redis-server, scripts included. */
class MinReplicasDifferentialTest extends DifferentialTestBase {
    private static final String LIB = "#!lua name=minrepl\n"
            + "redis.register_function('writes', function(keys, args) return redis.call('set', keys[1], 'x') end)\n"
            + "redis.register_function{function_name='reads', callback=function(keys, args) return redis.call('get', keys[1]) end, flags={'no-writes'}}";

    @Test void writesAreRefusedReadsServed() {
        try (Differential d = new Differential(ours.port(), redis.port())) {
            d.both("FLUSHALL");
            d.both("FUNCTION", "FLUSH");
            d.check("SET", "foo", "before");
            d.check("FUNCTION", "LOAD", "REPLACE", LIB);
            d.both("CONFIG", "SET", "min-replicas-to-write", "1");
            try {
                assertThat(d.check("SET", "foo", "bar")).startsWith("-NOREPLICAS");
                assertThat(d.check("EVAL", "redis.call('set','foo','bar')", "0")).contains("NOREPLICAS");
                d.check("EVAL", "return redis.pcall('set','foo','bar')", "0");
                d.check("EVAL", "#!lua\nreturn redis.call('set','foo','bar')", "0");
                d.check("EVAL", "#!lua flags=no-writes\nreturn redis.call('get','foo')", "0");
                d.check("EVAL", "return redis.call('get','foo')", "0");
                d.check("FCALL", "writes", "1", "foo");
                d.check("FCALL", "reads", "1", "foo");
                d.check("FUNCTION", "DELETE", "minrepl");
                d.check("GET", "foo");
            } finally {
                d.both("CONFIG", "SET", "min-replicas-to-write", "0");
                d.both("FUNCTION", "FLUSH");
            }
        }
    }
}
