package io.cinnabar.store;

import java.util.concurrent.ThreadLocalRandom;

/**
 * What a key's access field holds, shared by a server's databases: Redis' LRU clock (seconds,
 * 24 bits) or, under an LFU maxmemory policy, its LFU pair (minutes in the top 16 bits, a
 * logarithmic counter in the low 8), with lfu-log-factor and lfu-decay-time (evict.c).
 */
public final class AccessTracking {
    /** LFU_INIT_VAL: a new key starts here so it is not evicted before it had a chance. */
    static final int LFU_INIT = 5;

    private boolean lfu;
    private int logFactor = 10;
    private int decayMinutes = 1;

    public void configure(boolean lfu, int logFactor, int decayMinutes) {
        this.lfu = lfu;
        this.logFactor = logFactor;
        this.decayMinutes = decayMinutes;
    }

    public boolean lfu() {
        return lfu;
    }

    /** The field for a new key. */
    int initial(long nowMillis) {
        return lfu ? (minutes(nowMillis) << 8) | LFU_INIT : lruClock(nowMillis);
    }

    /** The field after an access (updateLFU, or the LRU clock). */
    int touched(int field, long nowMillis) {
        if (!lfu) return lruClock(nowMillis);
        int counter = decayed(field, nowMillis);
        if (counter < 255) {
            double base = Math.max(0, counter - LFU_INIT);
            if (ThreadLocalRandom.current().nextDouble() < 1.0 / (base * logFactor + 1)) counter++;
        }
        return (minutes(nowMillis) << 8) | counter;
    }

    /** LFUDecrAndReturn: the counter less one per decay period elapsed since the last access. */
    public int decayed(int field, long nowMillis) {
        int last = (field >>> 8) & 0xFFFF;
        int counter = field & 0xFF;
        int now = minutes(nowMillis);
        int elapsed = now >= last ? now - last : 65535 - last + now;
        int periods = decayMinutes > 0 ? elapsed / decayMinutes : 0;
        return periods > counter ? 0 : counter - periods;
    }

    static int lruClock(long nowMillis) {
        return (int) ((nowMillis / 1000) & 0xFFFFFF);
    }

    private static int minutes(long nowMillis) {
        return (int) ((nowMillis / 1000 / 60) & 0xFFFF);
    }
}
