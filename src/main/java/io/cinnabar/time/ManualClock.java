package io.cinnabar.time;

import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to; safe to advance from a test thread. */
public final class ManualClock implements Clock {
    private final AtomicLong now;

    public ManualClock(long startMillis) {
        this.now = new AtomicLong(startMillis);
    }

    /** Starts at the current wall-clock time, so absolute expiry times look realistic. */
    public ManualClock() {
        this(System.currentTimeMillis());
    }

    @Override public long millis() {
        return now.get();
    }

    public void advance(long millis) {
        if (millis < 0) throw new IllegalArgumentException("cannot go back in time: " + millis);
        now.addAndGet(millis);
    }

    public void set(long millis) {
        now.set(millis);
    }
}
