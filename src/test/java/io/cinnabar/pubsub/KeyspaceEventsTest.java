package io.cinnabar.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import io.cinnabar.Cinnabar;
import io.cinnabar.testing.RespClient;
import io.cinnabar.time.ManualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;

/** notify-keyspace-events: the channels and payloads of notify.c, class masks, live reconfiguration. */
class KeyspaceEventsTest {
    static final ManualClock clock = new ManualClock();
    static Cinnabar server;

    @BeforeAll static void start() {
        server = Cinnabar.builder().port(0).clock(clock).config("notify-keyspace-events", "KEA").start();
    }

    @AfterAll static void stop() {
        server.close();
    }

    private static void setFlags(String v) {
        server.call(() -> {
            server.server().config().set("notify-keyspace-events", v);
            return null;
        });
    }

    private static String pmessage(String channel, String payload) {
        return "*4\r\n$8\r\npmessage\r\n$1\r\n*\r\n$" + channel.length() + "\r\n" + channel + "\r\n$"
                + payload.length() + "\r\n" + payload + "\r\n";
    }

    @Test void stringAndGenericEventsOnBothChannels() {
        setFlags("KEA");
        try (RespClient sub = new RespClient(server.port()); Jedis j = new Jedis("127.0.0.1", server.port(), 15_000)) {
            j.select(2);
            sub.callText("PSUBSCRIBE", "*");
            j.set("foo", "bar");
            j.del("foo");
            j.del("foo"); // nothing deleted: no event
            j.set("ttl", "v", SetParams.setParams().px(50));
            clock.advance(100);
            assertThat(j.get("ttl")).isNull();
            assertThat(sub.readText()).isEqualTo(pmessage("__keyspace@2__:foo", "set"));
            assertThat(sub.readText()).isEqualTo(pmessage("__keyevent@2__:set", "foo"));
            assertThat(sub.readText()).isEqualTo(pmessage("__keyspace@2__:foo", "del"));
            assertThat(sub.readText()).isEqualTo(pmessage("__keyevent@2__:del", "foo"));
            assertThat(sub.readText()).isEqualTo(pmessage("__keyspace@2__:ttl", "set"));
            assertThat(sub.readText()).isEqualTo(pmessage("__keyevent@2__:set", "ttl"));
            assertThat(sub.readText()).isEqualTo(pmessage("__keyspace@2__:ttl", "expire"));
            assertThat(sub.readText()).isEqualTo(pmessage("__keyevent@2__:expire", "ttl"));
            assertThat(sub.readText()).isEqualTo(pmessage("__keyspace@2__:ttl", "expired"));
            assertThat(sub.readText()).isEqualTo(pmessage("__keyevent@2__:expired", "ttl"));
        }
    }

    @Test void classesMaskEvents() {
        try (RespClient sub = new RespClient(server.port()); Jedis j = new Jedis("127.0.0.1", server.port(), 15_000)) {
            sub.callText("PSUBSCRIBE", "*");
            setFlags("Eg"); // generic only, keyevent only
            j.set("m", "1");
            j.del("m");
            assertThat(sub.readText()).isEqualTo(pmessage("__keyevent@0__:del", "m"));
            setFlags("g"); // no K nor E: nothing at all
            j.set("m", "1");
            j.del("m");
            setFlags("K$");
            j.set("m2", "1");
            assertThat(sub.readText()).isEqualTo(pmessage("__keyspace@0__:m2", "set"));
        } finally {
            setFlags("KEA");
        }
    }

    @Test void flagsParseAsRedis() {
        assertThat(KeyspaceEvents.parse("A")).isEqualTo(KeyspaceEvents.ALL);
        assertThat(KeyspaceEvents.parse("AKE") & io.cinnabar.command.KeyEvent.NEW).isZero();
        assertThat(KeyspaceEvents.parse("nK")).isEqualTo(io.cinnabar.command.KeyEvent.NEW | io.cinnabar.command.KeyEvent.KEYSPACE);
    }
}
