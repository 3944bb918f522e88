package io.cinnabar.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.cinnabar.Cinnabar;
import io.lettuce.core.RedisClient;
import io.lettuce.core.TrackingArgs;
import io.lettuce.core.TrackingInfo;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.push.PushMessage;
import io.lettuce.core.support.caching.CacheAccessor;
import io.lettuce.core.support.caching.CacheFrontend;
import io.lettuce.core.support.caching.ClientSideCaching;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lettuce's client-side caching (RESP3, CLIENT TRACKING with push invalidations) against Cinnabar. */
class LettuceClientSideCachingTest {
    static Cinnabar server;
    static RedisClient client;

    @BeforeAll static void start() {
        server = Cinnabar.builder().port(0).start();
        client = RedisClient.create("redis://127.0.0.1:" + server.port());
    }

    @AfterAll static void stop() {
        client.shutdown();
        server.close();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Test void cachedValueIsInvalidatedWhenAnotherClientWrites() throws Exception {
        try (StatefulRedisConnection<String, String> tracked = client.connect();
                StatefulRedisConnection<String, String> writer = client.connect()) {
            writer.sync().set("csc:k", "v1");
            Map<String, String> cache = new ConcurrentHashMap<>();
            CacheFrontend<String, String> frontend = ClientSideCaching.enable(CacheAccessor.forMap(cache), tracked,
                    TrackingArgs.Builder.enabled());
            assertThat(frontend.get("csc:k")).isEqualTo("v1");
            assertThat(cache).containsEntry("csc:k", "v1");
            assertThat(frontend.get("csc:k")).isEqualTo("v1"); // served from the local cache

            writer.sync().set("csc:k", "v2");
            await(() -> !cache.containsKey("csc:k"));
            assertThat(frontend.get("csc:k")).isEqualTo("v2");

            writer.sync().del("csc:k"); // a delete invalidates too
            await(() -> !cache.containsKey("csc:k"));
        }
    }

    @Test void pushMessagesCarryKeysAndNullOnFlush() throws Exception {
        try (StatefulRedisConnection<String, String> tracked = client.connect();
                StatefulRedisConnection<String, String> writer = client.connect()) {
            BlockingQueue<List<Object>> pushes = new LinkedBlockingQueue<>();
            tracked.addListener((PushMessage m) -> {
                if (m.getType().equals("invalidate")) pushes.add(new ArrayList<>(m.getContent()));
            });
            tracked.sync().clientTracking(TrackingArgs.Builder.enabled().bcast().prefixes("user:", "order:"));
            writer.sync().mset(Map.of("user:1", "a", "order:7", "b", "other", "c"));
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 2; i++) { // one message per prefix
                List<Object> p = pushes.poll(10, TimeUnit.SECONDS);
                assertThat(p).isNotNull();
                for (Object k : (List<?>) p.get(1)) keys.add(text(k));
            }
            assertThat(keys).containsExactlyInAnyOrder("user:1", "order:7");

            writer.sync().flushall();
            List<Object> flush = pushes.poll(10, TimeUnit.SECONDS);
            assertThat(flush).isNotNull();
            assertThat(flush.get(1)).isNull();
            TrackingInfo info = tracked.sync().clientTrackinginfo();
            assertThat(info.getFlags()).containsExactlyInAnyOrder(TrackingInfo.TrackingFlag.ON,
                    TrackingInfo.TrackingFlag.BCAST);
            assertThat(info.getPrefixes()).containsExactly("order:", "user:");
        }
    }

    private static String text(Object o) {
        return o instanceof ByteBuffer b ? StandardCharsets.UTF_8.decode(b.duplicate()).toString() : String.valueOf(o);
    }
}
