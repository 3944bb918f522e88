package io.cinnabar.command.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.cinnabar.testing.Differential;
import io.cinnabar.testing.DifferentialTestBase;
import io.cinnabar.testing.RespClient;
import org.junit.jupiter.api.Test;

/**
 * What a server without cluster or module support answers, byte for byte against redis-server:
 * CLUSTER (every subcommand), READONLY, READWRITE, ASKING, MODULE, RESTORE-ASKING, plain LOLWUT.
 */
class NonClusterCommandsDifferentialTest extends DifferentialTestBase {
    private static final String SCRIPT = """
            CLUSTER INFO
            CLUSTER HELP
            CLUSTER NODES
            CLUSTER SLOTS
            CLUSTER KEYSLOT foo
            CLUSTER ADDSLOTS 1 2
            CLUSTER SETSLOT 1 NODE x
            CLUSTER RESET HARD
            CLUSTER MYID
            CLUSTER FOO
            CLUSTER
            CLUSTER NODES extra
            CLUSTER KEYSLOT
            READONLY
            READWRITE
            ASKING
            READONLY x
            MODULE LIST
            MODULE HELP
            MODULE LOAD /nonexistent.so
            MODULE LOADEX /nonexistent.so CONFIG a b
            MODULE UNLOAD nosuch
            MODULE FOO
            MODULE LOAD
            SET k v
            RESTORE-ASKING k 0 bad
            RESTORE-ASKING k2 0 bad
            LOLWUT
            LOLWUT VERSION 7
            LOLWUT VERSION 4
            LOLWUT VERSION x
            """;

    @Test void answersAsRedisWithoutClusterOrModules() {
        try (Differential d = new Differential(ours.port(), redis.port())) {
            d.both("FLUSHALL");
            d.script(SCRIPT);
        }
    }

    @Test void restoreAskingRestoresLikeRestore() {
        try (RespClient c = new RespClient(ours.port())) {
            c.call("SET", "src", "hello");
            byte[] dump = c.call("DUMP", "src");
            int crlf = 0;
            while (dump[crlf] != '\r') crlf++;
            int n = Integer.parseInt(new String(dump, 1, crlf - 1));
            byte[] payload = java.util.Arrays.copyOfRange(dump, crlf + 2, crlf + 2 + n);
            assertThat(c.callText("DEL", "dst")).isNotNull();
            assertThat(new String(c.call("RESTORE-ASKING".getBytes(), "dst".getBytes(), "0".getBytes(), payload)))
                    .isEqualTo("+OK\r\n");
            assertThat(c.callText("GET", "dst")).contains("hello");
        }
    }

    @Test void lolwutArtVersions() {
        try (RespClient c = new RespClient(ours.port())) {
            String v5 = c.callText("LOLWUT", "VERSION", "5", "20", "3", "3");
            assertThat(v5).contains("Georg Nees - schotter, plotter on paper, 1968. Redis ver. 7.0.15").contains("\u2800");
            String v6 = c.callText("LOLWUT", "VERSION", "6", "10", "5");
            assertThat(v6).contains("\033[0;97;107m \033[0m")
                    .contains("Original 8 bit image from Plaguemon by hikikomori. Redis ver. 7.0.15");
        }
    }
}
