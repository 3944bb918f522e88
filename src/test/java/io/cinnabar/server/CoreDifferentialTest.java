package io.cinnabar.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cinnabar.Cinnabar;
import io.cinnabar.testing.Differential;
import io.cinnabar.testing.RealRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Connection-level commands, SET/GET/DEL and the dispatcher's errors, byte for byte against redis-server. */
class CoreDifferentialTest {
    static Cinnabar ours;
    static RealRedis redis;

    @BeforeAll static void start() {
        assumeTrue(RealRedis.available(), "redis-server not installed");
        ours = Cinnabar.builder().port(0).start();
        redis = RealRedis.start();
    }

    @AfterAll static void stop() {
        if (ours != null) ours.close();
        if (redis != null) redis.close();
    }

    @Test void connectionCommands() {
        try (Differential d = new Differential(ours.port(), redis.port())) {
            d.script("""
                    PING
                    PING hello
                    PING a b
                    ECHO x
                    ECHO
                    SELECT 1
                    SELECT 16
                    SELECT -1
                    SELECT abc
                    SELECT 0
                    HELLO 1
                    HELLO abc
                    HELLO 2 SETNAME
                    HELLO 2 FOO
                    AUTH x
                    AUTH a b c
                    """);
        }
    }

    @Test void setOptionsAndErrors() {
        try (Differential d = new Differential(ours.port(), redis.port())) {
            d.script("""
                    DEL k k2 k3
                    SET k v
                    GET k
                    SET k v2 NX
                    SET k v3 XX GET
                    GET k
                    SET k2 v XX
                    SET k v NX XX
                    SET k v EX 0
                    SET k v EX -5
                    SET k v EX abc
                    SET k v PX 100 EX 100
                    SET k v KEEPTTL EX 100
                    SET k v EX 9223372036854775807
                    SET k v EXAT 9223372036854775
                    SET k v PX 10000 GET
                    SET k v KEEPTTL
                    SET k v FOO
                    GET k k
                    DEL k k2 k3 k4
                    NOSUCHCOMMAND a b
                    """);
        }
    }
}
