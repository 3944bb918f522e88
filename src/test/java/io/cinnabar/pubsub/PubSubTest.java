package io.cinnabar.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import io.cinnabar.Cinnabar;
import io.cinnabar.testing.RespClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/** Pub/sub with real clients: Jedis (RESP2), Lettuce (RESP3 pushes), redis-cli, and a slow subscriber. */
class PubSubTest {
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

    /** Publishes until {@code channel} has {@code n} subscribers (subscribing is asynchronous). */
    private static void awaitSubscribers(String channel, long n) throws InterruptedException {
        try (Jedis j = jedis()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (j.pubsubNumSub(channel).get(channel) < n) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(5);
            }
        }
    }

    @Test void jedisSubscriberReceivesChannelAndPatternMessages() throws Exception {
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        JedisPubSub listener = new JedisPubSub() {
            @Override public void onMessage(String channel, String message) {
                got.add("message " + channel + " " + message);
            }

            @Override public void onPMessage(String pattern, String channel, String message) {
                got.add("pmessage " + pattern + " " + channel + " " + message);
            }

            @Override public void onSubscribe(String channel, int count) {
                if (count == 2) psubscribe("news.*");
            }
        };
        Thread t = new Thread(() -> {
            try (Jedis sub = jedis()) {
                sub.subscribe(listener, "news.tech", "other");
            }
        });
        t.start();
        try (Jedis pub = jedis()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (pub.pubsubNumPat() < 1) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(5);
            }
            assertThat(pub.publish("news.tech", "hello")).isEqualTo(2);
            assertThat(pub.publish("nobody", "x")).isZero();
            assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("message news.tech hello");
            assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("pmessage news.* news.tech hello");
            assertThat(pub.pubsubChannels()).containsExactlyInAnyOrder("news.tech", "other");
            assertThat(pub.pubsubChannels("news*")).containsExactly("news.tech");
            listener.unsubscribe();
            listener.punsubscribe();
            t.join(5000);
            assertThat(pub.pubsubNumSub("news.tech")).containsEntry("news.tech", 0L);
            assertThat(pub.pubsubNumPat()).isZero();
        }
    }

    @Test void resp2SubscribedModeRestrictsCommandsButResp3DoesNot() {
        try (RespClient c = new RespClient(server.port())) {
            assertThat(c.callText("SUBSCRIBE", "r2")).isEqualTo("*3\r\n$9\r\nsubscribe\r\n$2\r\nr2\r\n:1\r\n");
            assertThat(c.callText("GET", "x")).isEqualTo("-ERR Can't execute 'get': only (P|S)SUBSCRIBE / "
                    + "(P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context\r\n");
            assertThat(c.callText("PING")).isEqualTo("*2\r\n$4\r\npong\r\n$0\r\n\r\n");
            assertThat(c.callText("UNSUBSCRIBE")).isEqualTo("*3\r\n$11\r\nunsubscribe\r\n$2\r\nr2\r\n:0\r\n");
            assertThat(c.callText("UNSUBSCRIBE")).isEqualTo("*3\r\n$11\r\nunsubscribe\r\n$-1\r\n:0\r\n");
            assertThat(c.callText("PING")).isEqualTo("+PONG\r\n");
        }
        try (RespClient c = new RespClient(server.port())) {
            c.callText("HELLO", "3");
            assertThat(c.callText("SUBSCRIBE", "r3")).isEqualTo(">3\r\n$9\r\nsubscribe\r\n$2\r\nr3\r\n:1\r\n");
            assertThat(c.callText("GET", "x")).isEqualTo("_\r\n");
            // publishing to itself: the push comes before the reply
            assertThat(c.callText("PUBLISH", "r3", "hi")).isEqualTo(">3\r\n$7\r\nmessage\r\n$2\r\nr3\r\n$2\r\nhi\r\n");
            assertThat(c.readText()).isEqualTo(":1\r\n");
            assertThat(c.callText("PUNSUBSCRIBE")).isEqualTo(">3\r\n$12\r\npunsubscribe\r\n_\r\n:1\r\n");
        }
    }

    @Test void shardChannelsAreSeparateAndIgnorePatterns() {
        try (RespClient s = new RespClient(server.port()); Jedis pub = jedis()) {
            assertThat(s.callText("SSUBSCRIBE", "sh")).isEqualTo("*3\r\n$10\r\nssubscribe\r\n$2\r\nsh\r\n:1\r\n");
            assertThat(s.callText("PSUBSCRIBE", "*")).isEqualTo("*3\r\n$10\r\npsubscribe\r\n$1\r\n*\r\n:1\r\n");
            assertThat(pub.sendCommand(() -> "SPUBLISH".getBytes(), "sh", "m")).isEqualTo(1L);
            assertThat(s.readText()).isEqualTo("*3\r\n$8\r\nsmessage\r\n$2\r\nsh\r\n$1\r\nm\r\n");
            assertThat(pub.sendCommand(() -> "PUBSUB".getBytes(), "SHARDNUMSUB", "sh", "x"))
                    .asList().hasSize(4);
            assertThat(s.callText("MULTI")).startsWith("-ERR Can't execute 'multi'");
        }
    }

    @Test void lettuceResp3ReceivesPushes() throws Exception {
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + server.port());
        try (StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub()) {
            BlockingQueue<String> got = new LinkedBlockingQueue<>();
            sub.addListener(new RedisPubSubAdapter<>() {
                @Override public void message(String channel, String message) {
                    got.add(channel + "=" + message);
                }

                @Override public void message(String pattern, String channel, String message) {
                    got.add(pattern + ":" + channel + "=" + message);
                }
            });
            sub.sync().subscribe("lc");
            sub.sync().psubscribe("l*");
            // RESP3: a subscribed connection may still run ordinary commands
            assertThat(sub.sync().ping()).isEqualTo("PONG");
            try (Jedis pub = jedis()) {
                assertThat(pub.publish("lc", "v1")).isEqualTo(2);
            }
            assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("lc=v1");
            assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("l*:lc=v1");
        } finally {
            client.shutdown(java.time.Duration.ZERO, java.time.Duration.ofSeconds(2));
        }
    }

    @Test void redisCliSubscriberPrintsMessages() throws Exception {
        Process p = new ProcessBuilder("redis-cli", "-p", Integer.toString(server.port()), "subscribe", "cli")
                .redirectErrorStream(true).start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 3; i++) lines.add(r.readLine());
            assertThat(lines).containsExactly("subscribe", "cli", "1");
            awaitSubscribers("cli", 1);
            try (Jedis pub = jedis()) {
                assertThat(pub.publish("cli", "from-jedis")).isEqualTo(1);
            }
            lines.clear();
            for (int i = 0; i < 3; i++) lines.add(r.readLine());
            assertThat(lines).containsExactly("message", "cli", "from-jedis");
        } finally {
            p.destroy();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test void subscriberOverTheHardLimitIsDisconnected() throws Exception {
        try (Jedis admin = jedis(); RespClient slow = new RespClient(server.port());
                RespClient fine = new RespClient(server.port())) {
            setLimit("pubsub 100000 0 0");
            try {
                long before = server.call(() -> server.server().stats().clientOutputBufferLimitDisconnections);
                slow.callText("SUBSCRIBE", "big");
                fine.callText("SUBSCRIBE", "small");
                byte[] huge = new byte[200_000];
                assertThat(admin.publish("big".getBytes(), huge)).isEqualTo(1);
                assertThat(slow.isClosedByServer()).isTrue();
                assertThat(server.call(() -> server.server().stats().clientOutputBufferLimitDisconnections))
                        .isEqualTo(before + 1);
                awaitSubscribers("big", 0);
                assertThat(admin.publish("small", "ok")).isEqualTo(1);
                assertThat(fine.readText()).isEqualTo("*3\r\n$7\r\nmessage\r\n$5\r\nsmall\r\n$2\r\nok\r\n");
            } finally {
                setLimit("pubsub 33554432 8388608 60");
            }
        }
    }

    private static void setLimit(String v) {
        server.call(() -> {
            server.server().config().set("client-output-buffer-limit", v);
            return null;
        });
    }

    @Test void disconnectUnsubscribes() throws Exception {
        RespClient c = new RespClient(server.port());
        c.callText("SUBSCRIBE", "gone");
        c.callText("PSUBSCRIBE", "gone*");
        awaitSubscribers("gone", 1);
        c.close();
        awaitSubscribers("gone", 0);
        try (Jedis j = jedis()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (j.pubsubNumPat() != 0) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(5);
            }
            assertThat(j.publish("gone", "x")).isZero();
        }
    }
}
