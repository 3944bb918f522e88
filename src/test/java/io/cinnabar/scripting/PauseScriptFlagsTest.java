package io.cinnabar.scripting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cinnabar.Cinnabar;
import io.cinnabar.testing.RealRedis;
import io.cinnabar.testing.RespClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * CLIENT PAUSE WRITE and scripts (getCommandFlags): a script or function that declares no-writes
 * runs during the pause, alone or queued in MULTI; one without flags waits. Same replies as Redis.
 */
class PauseScriptFlagsTest {
    private static final String LIB = "#!lua name=pauselib\n"
            + "redis.register_function{function_name='ro', callback=function() return 'hello' end, flags={'no-writes'}}\n"
            + "redis.register_function('rw', function() return 'w' end)";

    /** The replies, in order, of commands run by a second client while the first holds a WRITE pause. */
    private static List<String> underPause(int port) {
        List<String> replies = new ArrayList<>();
        try (RespClient admin = new RespClient(port); RespClient c = new RespClient(port)) {
            admin.callText("FLUSHALL");
            admin.callText("SET", "x", "y");
            admin.callText("FUNCTION", "LOAD", "REPLACE", LIB);
            admin.callText("CLIENT", "PAUSE", "100000", "WRITE");
            replies.add(c.callText("EVAL", "#!lua flags=no-writes\nreturn 'unique'", "0"));
            replies.add(c.callText("EVAL_RO", "return redis.call('get', KEYS[1])", "1", "x"));
            replies.add(c.callText("FCALL", "ro", "0"));
            replies.add(c.callText("FCALL_RO", "ro", "0"));
            replies.add(c.callText("MULTI"));
            replies.add(c.callText("EVAL", "#!lua flags=no-writes\nreturn 'queued'", "0"));
            replies.add(c.callText("FCALL", "ro", "0"));
            replies.add(c.callText("EXEC"));
            // a script without flags may write: it waits for the pause to end
            c.send(RespClient.encode(RespClient.args("EVAL", "return 'late'", "0")));
            admin.callText("CLIENT", "UNPAUSE");
            replies.add(c.readText());
            admin.callText("FUNCTION", "FLUSH");
        }
        return replies;
    }

    @Test @Timeout(value = 30, unit = TimeUnit.SECONDS) void noWritesScriptsRunDuringAWritePause() {
        Cinnabar ours = Cinnabar.builder().port(0).start();
        try {
            List<String> mine = underPause(ours.port());
            assertThat(mine.get(0)).isEqualTo("$6\r\nunique\r\n");
            assertThat(mine.get(7)).isEqualTo("*2\r\n$6\r\nqueued\r\n$5\r\nhello\r\n");
            assertThat(mine.get(8)).isEqualTo("$4\r\nlate\r\n");
            assumeTrue(RealRedis.available(), "redis-server not installed");
            try (RealRedis redis = RealRedis.start()) {
                assertThat(mine).isEqualTo(underPause(redis.port()));
            }
        } finally {
            ours.close();
        }
    }
}
