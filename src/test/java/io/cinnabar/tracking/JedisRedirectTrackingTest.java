package io.cinnabar.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.cinnabar.Cinnabar;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;

/**
 * RESP2 client-side caching through REDIRECT, with Jedis: invalidations arrive as pub/sub messages
 * on {@code __redis__:invalidate} at the redirection client; its disconnection marks the redirect broken.
 */
class JedisRedirectTrackingTest {
    static Cinnabar server;

    @BeforeAll static void start() {
        server = Cinnabar.builder().port(0).start();
    }

    @AfterAll static void stop() {
        server.close();
    }

    private static Jedis jedis() {
        return new Jedis("127.0.0.1", server.port(), 15_000);
    }

    private static String s(Object o) {
        return o == null ? null : new String((byte[]) o, StandardCharsets.UTF_8);
    }

    @Test void invalidationsReachTheRedirectionSubscriber() {
        try (Connection sub = new Connection(new HostAndPort("127.0.0.1", server.port()));
                Jedis tracked = jedis(); Jedis writer = jedis()) {
            sub.setTimeoutInfinite();
            sub.sendCommand(Protocol.Command.CLIENT, "ID");
            long subId = sub.getIntegerReply();
            sub.sendCommand(Protocol.Command.SUBSCRIBE, "__redis__:invalidate");
            assertThat(s(sub.getObjectMultiBulkReply().get(0))).isEqualTo("subscribe");

            assertThat(tracked.sendCommand(Protocol.Command.CLIENT, "TRACKING", "on", "REDIRECT",
                    Long.toString(subId))).isEqualTo("OK".getBytes(StandardCharsets.UTF_8));
            assertThat(tracked.clientInfo()).contains(" flags=t ").contains(" redir=" + subId + " ");
            writer.set("k1", "1");
            writer.set("k2", "1");
            assertThat(tracked.get("k1")).isEqualTo("1");
            writer.incr("k2"); // never read: no invalidation
            writer.incr("k1");
            List<Object> msg = sub.getObjectMultiBulkReply();
            assertThat(s(msg.get(0))).isEqualTo("message");
            assertThat(s(msg.get(1))).isEqualTo("__redis__:invalidate");
            assertThat(((List<?>) msg.get(2)).stream().map(JedisRedirectTrackingTest::s)).containsExactly("k1");
            assertThat(tracked.info("stats")).contains("tracking_total_keys:0");

            tracked.get("k1");
            writer.flushAll(); // a flush sends a null key list
            msg = sub.getObjectMultiBulkReply();
            assertThat(s(msg.get(1))).isEqualTo("__redis__:invalidate");
            assertThat(msg.get(2)).isNull();

            assertThat(tracked.sendCommand(Protocol.Command.CLIENT, "GETREDIR")).isEqualTo(subId);
            tracked.get("k1");
            sub.close();
            awaitClientGone(writer, subId);
            writer.set("k1", "2"); // the redirection is gone: a RESP2 client only gets the flag
            assertThat(tracked.clientInfo()).contains(" flags=tR ");
            @SuppressWarnings("unchecked") List<Object> info = (List<Object>) tracked.sendCommand(Protocol.Command.CLIENT, "TRACKINGINFO");
            assertThat(((List<?>) info.get(1)).stream().map(JedisRedirectTrackingTest::s))
                    .containsExactly("on", "broken_redirect");
        }
    }

    private static void awaitClientGone(Jedis j, long id) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (j.clientList().contains("id=" + id + " ")) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
