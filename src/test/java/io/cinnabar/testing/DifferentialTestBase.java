package io.cinnabar.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cinnabar.Cinnabar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the differential tests: one embedded Cinnabar and one real redis-server per test class
 * (skipped where redis-server is not installed). Subclasses compare replies with {@link Differential}.
 */
public abstract class DifferentialTestBase {
    protected static Cinnabar ours;
    protected static RealRedis redis;

    @BeforeAll static void startServers() {
        assumeTrue(RealRedis.available(), "redis-server not installed");
        ours = Cinnabar.builder().port(0).start();
        redis = RealRedis.start();
    }

    @AfterAll static void stopServers() {
        if (ours != null) ours.close();
        if (redis != null) redis.close();
        ours = null;
        redis = null;
    }
}
