package io.cinnabar.persistence.rdb;

import io.cinnabar.config.Config;

/** What value builders need to know while loading: the encoding thresholds of the running configuration. */
public final class RdbLoadOptions {
    private final Config config;

    /** Read for every key, so that a CONFIG SET during a slow load applies at once. */
    private final io.cinnabar.config.ConfigParam keyLoadDelay;

    public RdbLoadOptions(Config config) {
        this.config = config;
        this.keyLoadDelay = config == null ? null : config.param("key-load-delay");
    }

    public Config config() {
        return config;
    }

    /**
     * key-load-delay (debugDelay): after each loaded key, sleep this many microseconds; a negative
     * value -n sleeps 1 µs for one key in n on average. Redis' tests use it to make loading slow.
     */
    public void keyLoaded() {
        if (keyLoadDelay == null) return;
        int usec = (int) keyLoadDelay.number();
        if (usec == 0) return;
        if (usec < 0) usec = java.util.concurrent.ThreadLocalRandom.current().nextInt(-usec) == 0 ? 1 : 0;
        if (usec > 0) java.util.concurrent.locks.LockSupport.parkNanos(usec * 1000L);
    }
}
