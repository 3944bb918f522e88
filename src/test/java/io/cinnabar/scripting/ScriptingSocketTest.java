package io.cinnabar.scripting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cinnabar.Cinnabar;
import io.cinnabar.server.Propagator;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/** EVAL, EVALSHA, SCRIPT and FUNCTION/FCALL over a socket with Jedis, and what scripts propagate. */
class ScriptingSocketTest {
    static Cinnabar server;
    static final StringBuilder stream = new StringBuilder();
    static Jedis jedis;

    @BeforeAll static void start() {
        server = Cinnabar.builder().port(0).start();
        Propagator.Sink sink = (ByteBuf commands, int db) -> stream.append(commands.toString(StandardCharsets.ISO_8859_1));
        server.call(() -> {
            server.server().propagator().addSink(sink);
            return null;
        });
        jedis = new Jedis("127.0.0.1", server.port(), 15_000);
    }

    @AfterAll static void stop() {
        if (jedis != null) jedis.close();
        if (server != null) server.close();
    }

    @BeforeEach void reset() {
        jedis.flushAll();
        jedis.functionFlush();
        jedis.scriptFlush();
        server.call(() -> {
            stream.setLength(0);
            return null;
        });
    }

    private String stream() {
        return server.call(() -> stream.toString().replace("\r\n", " "));
    }

    @Test void evalConvertsRepliesBothWays() {
        assertThat(jedis.eval("return {1, 'two', 3.99, true, false, {ok='fine'}, nil, 'gone'}")).isEqualTo(
                java.util.Arrays.asList(1L, "two", 3L, 1L, null, "fine"));
        jedis.set("k", "v");
        assertThat(jedis.eval("return redis.call('get', KEYS[1])", List.of("k"), List.of())).isEqualTo("v");
        assertThat(jedis.eval("return redis.call('get', 'missing') == false")).isEqualTo(1L);
        assertThat(jedis.eval("return ARGV[2]", List.of(), List.of("a", "b"))).isEqualTo("b");
    }

    @Test void evalshaRunsCachedScriptsOnly() {
        String sha = jedis.scriptLoad("return 42");
        assertThat(sha).isEqualTo("1fa00e76656cc152ad327c13fe365858fd7be306");
        assertThat(jedis.evalsha(sha)).isEqualTo(42L);
        assertThat(jedis.scriptExists(sha, "0000000000000000000000000000000000000000")).containsExactly(true, false);
        jedis.scriptFlush();
        assertThatThrownBy(() -> jedis.evalsha(sha)).isInstanceOf(JedisDataException.class)
                .hasMessage("NOSCRIPT No matching script. Please use EVAL.");
    }

    @Test void errorsCarryScriptAndLine() {
        assertThatThrownBy(() -> jedis.eval("return redis.call('nosuch')")).hasMessage(
                "ERR Unknown Redis command called from script script: 206396248e12c6e742fd7296250433c8d7343b74, "
                        + "on @user_script:1.");
        assertThatThrownBy(() -> jedis.eval("x = 1")).hasMessageStartingWith(
                "ERR user_script:1: Attempt to modify a readonly table script:");
        assertThatThrownBy(() -> jedis.eval("return y")).hasMessageStartingWith(
                "ERR user_script:1: Script attempted to access nonexistent global variable 'y' script:");
        assertThatThrownBy(() -> jedis.eval("return redis.error_reply('MY code')")).hasMessage("MY code");
        assertThatThrownBy(() -> jedis.evalReadonly("return redis.call('set', 'a', 'b')", List.of(), List.of()))
                .hasMessageStartingWith("ERR Write commands are not allowed from read-only scripts.");
    }

    @Test void scriptEffectsPropagateAsMultiExec() {
        jedis.eval("redis.call('set', 'a', '1'); redis.call('incr', 'a'); redis.call('get', 'a')");
        String s = stream();
        assertThat(s).contains("MULTI").contains("set $1 a $1 1").contains("incr $1 a").contains("EXEC")
                .doesNotContain("EVAL").doesNotContain("get");
    }

    @Test void setReplNoneKeepsCommandsLocal() {
        jedis.eval("redis.set_repl(redis.REPL_NONE); redis.call('set', 'quiet', '1')");
        assertThat(jedis.get("quiet")).isEqualTo("1");
        assertThat(stream()).doesNotContain("quiet");
    }

    @Test void functionsLoadListCallAndPropagateVerbatim() {
        String lib = "#!lua name=mylib\nredis.register_function('myfunc', function(keys, args) "
                + "return redis.call('set', keys[1], args[1]) end)\n"
                + "redis.register_function{function_name='ro', callback=function(keys) return redis.call('get', keys[1]) end, "
                + "flags={'no-writes'}}";
        assertThat(jedis.functionLoad(lib)).isEqualTo("mylib");
        assertThat(jedis.fcall("myfunc", List.of("fk"), List.of("fv"))).isEqualTo("OK");
        assertThat(jedis.fcallReadonly("ro", List.of("fk"), List.of())).isEqualTo("fv");
        assertThatThrownBy(() -> jedis.fcallReadonly("myfunc", List.of("fk"), List.of("x")))
                .hasMessage("ERR Can not execute a script with write flag using *_ro command.");
        assertThat(jedis.functionList()).hasSize(1);
        assertThat(stream()).contains("FUNCTION").contains("mylib").contains("set $2 fk $2 fv");
        assertThatThrownBy(() -> jedis.functionLoad(lib)).hasMessage("ERR Library 'mylib' already exists");
        byte[] dump = jedis.functionDump();
        jedis.functionFlush();
        assertThatThrownBy(() -> jedis.fcall("myfunc", List.of("a"), List.of("b"))).hasMessage("ERR Function not found");
        jedis.functionRestore(dump);
        assertThat(jedis.fcall("ro", List.of("fk"), List.of())).isEqualTo("fv");
    }

    @Test void busyScriptAnswersBusyUntilKilled() throws Exception {
        jedis.configSet("busy-reply-threshold", "50");
        try (Jedis runner = new Jedis("127.0.0.1", server.port(), 15_000)) {
            java.util.concurrent.CompletableFuture<String> result = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return String.valueOf(runner.eval("local i = 0 while true do i = i + 1 end"));
                } catch (JedisDataException e) {
                    return e.getMessage();
                }
            });
            long deadline = System.currentTimeMillis() + 10_000;
            String reply = null;
            while (System.currentTimeMillis() < deadline) {
                try {
                    reply = jedis.ping();
                } catch (JedisDataException e) {
                    reply = e.getMessage();
                    break;
                }
            }
            assertThat(reply).startsWith("BUSY Redis is busy running a script.");
            assertThat(jedis.scriptKill()).isEqualTo("OK");
            assertThat(result.get(10, java.util.concurrent.TimeUnit.SECONDS)).startsWith(
                    "ERR Script killed by user with SCRIPT KILL...");
            assertThat(jedis.ping()).isEqualTo("PONG");
        } finally {
            jedis.configSet("busy-reply-threshold", "5000");
        }
    }
}
