package io.cinnabar.command.hashes;

import io.cinnabar.testing.Differential;
import io.cinnabar.testing.DifferentialTestBase;
import org.junit.jupiter.api.Test;

/** Hash commands byte for byte against redis-server (listpack hashes keep insertion order in both). */
class HashDifferentialTest extends DifferentialTestBase {

    @Test void basicsAndErrors() {
        try (Differential d = new Differential(ours.port(), redis.port())) {
            d.script("""
                    DEL h s
                    HSET h a 1 b 2 c 3
                    HSET h a 10 d 4
                    HSET h a
                    HSET h a 1 b
                    HMSET h e 5
                    HMSET h e
                    HSETNX h a x
                    HSETNX h z 26
                    HGET h a
                    HGET h nope
                    HGET nokey a
                    HMGET h a nope b
                    HMGET nokey a b
                    HGETALL h
                    HGETALL nokey
                    HKEYS h
                    HVALS h
                    HKEYS nokey
                    HLEN h
                    HLEN nokey
                    HEXISTS h a
                    HEXISTS h nope
                    HSTRLEN h a
                    HSTRLEN h nope
                    HDEL h a nope b
                    HGETALL h
                    HDEL nokey a
                    HINCRBY h c 5
                    HINCRBY h new -7
                    HINCRBY h c abc
                    HINCRBY h c 9223372036854775807
                    HSET h big 9223372036854775807
                    HINCRBY h big 1
                    HSET h s1 hello
                    HINCRBY h s1 1
                    HSET h s2 " 12"
                    HINCRBY h s2 1
                    HSCAN h 0
                    HSCAN h 0 MATCH s*
                    HSCAN h 0 COUNT 0
                    HSCAN h 0 COUNT
                    HSCAN h abc
                    HSCAN h -1 MATCH a*
                    HSCAN nokey 0 COUNT 0
                    HRANDFIELD nokey
                    HRANDFIELD nokey 5
                    HRANDFIELD nokey 5 WITHVALUES
                    HRANDFIELD h 0
                    HRANDFIELD h 1 x
                    HRANDFIELD h 1 WITHVALUES x
                    HRANDFIELD h -9223372036854775808
                    HRANDFIELD h -9223372036854775807 WITHVALUES
                    HRANDFIELD h 4611686018427387904 WITHVALUES
                    HRANDFIELD h abc
                    HSET h fl 10.5
                    HINCRBYFLOAT h fl 0.1
                    HINCRBYFLOAT h fl -5.0e3
                    HINCRBYFLOAT h fl abc
                    HINCRBYFLOAT h fl inf
                    HINCRBYFLOAT h fl nan
                    HINCRBYFLOAT h s1 1
                    HSET h huge 1e400
                    HINCRBYFLOAT h huge 1
                    HINCRBYFLOAT h newf 3.0e-5
                    HSET h inff inf
                    HINCRBYFLOAT h inff 1
                    HINCRBYFLOAT h big 1
                    HDEL h c d e z new big s1 s2 fl huge newf inff
                    HLEN h
                    SET s x
                    HSET s a 1
                    HGET s a
                    HGETALL s
                    HRANDFIELD s
                    HSCAN s 0
                    HDEL s a
                    DEL s
                    """);
        }
    }

    @Test void largeHashesConvertAndStillAnswer() {
        try (Differential d = new Differential(ours.port(), redis.port())) {
            d.both("DEL", "big");
            for (int i = 0; i < 200; i++) d.check("HSET", "big", "f" + i, "v" + i);
            d.check("HLEN", "big");
            d.check("HSET", "big", "long", "x".repeat(100));
            d.check("HGET", "big", "long");
            d.check("HMGET", "big", "f0", "f199", "f200");
            for (int i = 0; i < 200; i += 2) d.check("HDEL", "big", "f" + i);
            d.check("HLEN", "big");
            d.check("HSTRLEN", "big", "long");
            d.check("DEL", "big");
        }
    }
}
