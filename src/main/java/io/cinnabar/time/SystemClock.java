package io.cinnabar.time;

import java.time.Instant;

/** The real clock: {@link System#currentTimeMillis()} with microsecond precision for TIME. */
final class SystemClock implements Clock {
    static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {}

    @Override public long millis() {
        return System.currentTimeMillis();
    }

    @Override public long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }
}
