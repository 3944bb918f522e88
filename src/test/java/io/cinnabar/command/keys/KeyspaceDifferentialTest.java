package io.cinnabar.command.keys;

import io.cinnabar.testing.Differential;
import io.cinnabar.testing.DifferentialTestBase;
import org.junit.jupiter.api.Test;

/** The keyspace commands' replies and errors, byte for byte against redis-server 7.0. */
class KeyspaceDifferentialTest extends DifferentialTestBase {

    @Test void renameMoveCopyAndErrors() {
        try (Differential d = new Differential(ours.port(), redis.port())) {
            d.script("""
                    SELECT 5
                    DEL a b c x y
                    SET a 1
                    RENAME nokey b
                    RENAME nokey nokey
                    RENAMENX nokey nokey
                    RENAME a a
                    RENAMENX a a
                    SET x y
                    RENAMENX a x
                    RENAME a x
                    GET x
                    EXISTS a x x
                    RENAME x a
                    EXPIRE a 100
                    RENAME a b
                    EXPIRETIME a
                    MOVE b 99
                    MOVE b -1
                    MOVE b 5
                    MOVE b x
                    MOVE b 99999999999
                    SELECT 6
                    DEL b c
                    SELECT 5
                    MOVE b 6
                    MOVE b 6
                    SET b 2
                    COPY b b
                    COPY b c DB 99
                    COPY b c foo
                    COPY b c DB
                    COPY b c DB x
                    COPY b b DB 6
                    COPY b c
                    COPY b c
                    COPY b c REPLACE
                    COPY nokey c REPLACE
                    GET c
                    COPY b c DB 6 REPLACE
                    SELECT 6
                    GET c
                    DEL b c
                    SELECT 5
                    UNLINK b c nokey
                    TYPE a
                    TYPE nokey
                    TOUCH a b x
                    """);
        }
    }

    @Test void expireOptionsAndErrors() {
        try (Differential d = new Differential(ours.port(), redis.port())) {
            d.script("""
                    SELECT 7
                    DEL x none
                    SET x y
                    EXPIRE x 10 foo
                    EXPIRE x notint nx xx
                    EXPIRE x notint
                    EXPIRE x 10 gt lt
                    EXPIRE x 10 nx gt
                    EXPIRE x 10 nx lt
                    EXPIRE x 10 xx nx
                    EXPIRE x
                    EXPIRE x 10 xx
                    EXPIRE x 10 gt
                    EXPIRE x 10 lt
                    PERSIST x
                    EXPIRE x 100 nx
                    EXPIRE x 100 nx
                    EXPIRE x 1000 gt
                    EXPIRE x 10 lt xx
                    EXPIRE x 9223372036854775807
                    EXPIRE x 9223372036854770
                    PEXPIRE x 9223372036854770000
                    EXPIRE x -9223372036854775808
                    EXPIREAT x -9223372036854775808
                    PEXPIREAT x 9223372036854775807
                    PEXPIRETIME x
                    EXPIRETIME x
                    EXPIRE none 100 NX
                    EXPIRE none 100 XX
                    EXPIRE none 100 GT
                    EXPIRE none 100 LT
                    EXPIRE x -1
                    EXISTS x
                    TTL x
                    PTTL x
                    EXPIRETIME x
                    PEXPIRETIME x
                    PERSIST x
                    """);
        }
    }

    @Test void scanObjectAndKeys() {
        try (Differential d = new Differential(ours.port(), redis.port())) {
            d.script("""
                    SELECT 8
                    DEL a big s n
                    SET a 1
                    SCAN 0 COUNT 0
                    SCAN 0 COUNT -1
                    SCAN 0 COUNT x
                    SCAN 0 MATCH
                    SCAN 0 foo bar
                    SCAN 18446744073709551616
                    SCAN 0x1
                    SCAN -
                    SCAN 0 TYPE string
                    SCAN 0 TYPE hash
                    SCAN 0 MATCH a* COUNT 1000 TYPE STRING
                    KEYS *
                    KEYS a
                    KEYS [a-
                    RANDOMKEY
                    OBJECT ENCODING a
                    OBJECT REFCOUNT a
                    OBJECT FREQ a
                    OBJECT HELP
                    OBJECT foo
                    OBJECT
                    OBJECT HELP x
                    OBJECT ENCODING
                    OBJECT ENCODING nokey
                    OBJECT IDLETIME nokey
                    SET big 12345678901234567890123
                    OBJECT ENCODING big
                    SET s hello
                    OBJECT ENCODING s
                    SET n 10000
                    OBJECT REFCOUNT n
                    """);
        }
    }
}
