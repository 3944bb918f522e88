package io.cinnabar.time;

/**
 * The source of wall-clock time for everything that expires or is timed: absolute Unix
 * milliseconds. Production uses {@link #system()}; an embedded server can be handed a
 * {@link ManualClock} so a test moves time forward instead of sleeping.
 */
public interface Clock {
    /** Milliseconds since the Unix epoch. */
    long millis();

    /** Microseconds since the Unix epoch (TIME, slowlog timestamps). */
    default long micros() {
        return millis() * 1000L;
    }

    /** The machine's clock. */
    static Clock system() {
        return SystemClock.INSTANCE;
    }
}
