package io.cinnabar.server;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Redis' latency monitor (latency.c): per event ("command", "fast-command", "expire-cycle"...) a
 * ring of the last 160 samples, one per second (the worst of that second), plus the all-time max.
 * A sample is kept only when it reaches {@code latency-monitor-threshold} (0 = off).
 */
public final class LatencyMonitor {
    public static final int SAMPLES = 160;

    /** One event's time series. */
    public static final class Series {
        public final long[] time = new long[SAMPLES];
        public final long[] latency = new long[SAMPLES];
        public int idx;
        public long max;

        public int last() {
            return (idx + SAMPLES - 1) % SAMPLES;
        }
    }

    private final Map<String, Series> events = new LinkedHashMap<>();
    /** Per command (keyed by its registry entry): calls per power-of-two microsecond bucket. */
    private final Map<Object, long[]> histograms = new java.util.IdentityHashMap<>();

    /** Records one call of {@code command} that took {@code micros} (latency-tracking). */
    public void recordCall(Object command, long micros) {
        long[] h = histograms.computeIfAbsent(command, k -> new long[64]);
        h[micros <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(micros - 1)]++;
    }

    /** The command's histogram (bucket i counts calls of at most 2^i us), or null when never called. */
    public long[] histogram(Object command) {
        return histograms.get(command);
    }

    public void resetHistograms() {
        histograms.clear();
    }

    /** latencyAddSampleIfNeeded: nowSec is Unix seconds. */
    public void addIfNeeded(long thresholdMs, String event, long latencyMs, long nowSec) {
        if (thresholdMs > 0 && latencyMs >= thresholdMs) add(event, latencyMs, nowSec);
    }

    public void add(String event, long latencyMs, long nowSec) {
        Series s = events.computeIfAbsent(event, k -> new Series());
        if (latencyMs > s.max) s.max = latencyMs;
        int prev = s.last();
        if (s.time[prev] == nowSec) {
            if (latencyMs > s.latency[prev]) s.latency[prev] = latencyMs;
            return;
        }
        s.time[s.idx] = nowSec;
        s.latency[s.idx] = latencyMs;
        s.idx = (s.idx + 1) % SAMPLES;
    }

    public Map<String, Series> events() {
        return events;
    }

    /** Removes one event (case-insensitive), or all when null; returns how many were removed. */
    public int reset(String event) {
        if (event == null) {
            int n = events.size();
            events.clear();
            return n;
        }
        int n = 0;
        var it = events.keySet().iterator();
        while (it.hasNext()) {
            if (it.next().equalsIgnoreCase(event)) {
                it.remove();
                n++;
            }
        }
        return n;
    }
}
