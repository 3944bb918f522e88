package io.cinnabar.server;

import io.cinnabar.testing.Differential;
import io.cinnabar.testing.DifferentialTestBase;
import org.junit.jupiter.api.Test;

/** Connection-level commands, SET/GET/DEL and the dispatcher's errors, byte for byte against redis-server. */
class CoreDifferentialTest extends DifferentialTestBase {

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
