package io.cinnabar.store;

/**
 * The active expiry cycle (Redis 7.0's activeExpireCycle, "slow" variant run from cron). For each
 * database in turn it walks the expires dict bucket by bucket from a per-database cursor (so every
 * volatile key is eventually visited, unlike random sampling), about {@code keys-per-loop} keys at
 * a time, deleting the expired ones; it repeats on the same database while more than the
 * acceptable share of a sample was expired. It stops when out of its time budget (a percentage
 * of a cron period) and then visits every database on the next call.
 * {@code effort} (active-expire-effort, 1..10) scales the sample size, the budget and the
 * tolerated stale share, exactly as in Redis.
 */
public final class ActiveExpiry {
    private static final int KEYS_PER_LOOP = 20;
    private static final int ACCEPTABLE_STALE = 10;
    private static final int SLOW_TIME_PERC = 25;
    /** CRON_DBS_PER_CALL. */
    private static final int DBS_PER_CALL = 16;

    private int currentDb;
    private boolean timeLimitExit;
    /** Running estimate of the share of logically expired keys among volatile ones (stat_expired_stale_perc). */
    private double stalePerc;
    private long timeCapReached;

    public double stalePerc() {
        return stalePerc;
    }

    /** Times a cycle stopped on its time budget (expired_time_cap_reached_count). */
    public long timeCapReached() {
        return timeCapReached;
    }

    public void resetStats() {
        stalePerc = 0;
        timeCapReached = 0;
    }

    /** Runs one cycle over the databases; returns the number of keys expired. */
    public long run(Database[] dbs, int hz, int effort) {
        int e = Math.max(1, Math.min(10, effort)) - 1;
        int perLoop = KEYS_PER_LOOP + KEYS_PER_LOOP / 4 * e;
        int acceptableStale = ACCEPTABLE_STALE - e;
        long timeLimitNanos = Math.max(1, (SLOW_TIME_PERC + 2L * e) * 1_000_000L / Math.max(1, hz) / 100) * 1000;
        long start = System.nanoTime();
        int dbsPerCall = DBS_PER_CALL > dbs.length || timeLimitExit ? dbs.length : DBS_PER_CALL;
        timeLimitExit = false;
        long totalSampled = 0;
        long totalExpired = 0;
        int iteration = 0;
        int[] counts = new int[2]; // sampled, expired
        long[] ttl = new long[2]; // sum, samples
        for (int j = 0; j < dbsPerCall && !timeLimitExit; j++) {
            Database db = dbs[Math.floorMod(currentDb, dbs.length)];
            currentDb++;
            int sampled;
            int expired;
            do {
                iteration++;
                Dict<ExpireEntry> expires = db.expires();
                int num = expires.size();
                if (num == 0) {
                    db.avgTtl = 0;
                    break;
                }
                int slots = expires.buckets();
                // under 1% full: sampling is too costly; cron will shrink the table soon
                if (slots > 4 && (long) num * 100 / slots < 1) break;
                if (num > perLoop) num = perLoop;
                long now = db.clock().millis();
                counts[0] = counts[1] = 0;
                ttl[0] = ttl[1] = 0;
                long maxBuckets = num * 20L;
                long checkedBuckets = 0;
                while (counts[0] < num && checkedBuckets < maxBuckets) {
                    checkedBuckets += expires.visitBucketsAt(db.expiresCursor, x -> {
                        KeyEntry k = x.target;
                        long t = k.expireAt - now;
                        if (now > k.expireAt) {
                            db.expire(k);
                            counts[1]++;
                        }
                        if (t > 0) {
                            ttl[0] += t;
                            ttl[1]++;
                        }
                        counts[0]++;
                    });
                    db.expiresCursor++;
                }
                sampled = counts[0];
                expired = counts[1];
                totalSampled += sampled;
                totalExpired += expired;
                if (ttl[1] > 0) {
                    long avg = ttl[0] / ttl[1];
                    if (db.avgTtl == 0) db.avgTtl = avg;
                    db.avgTtl = (db.avgTtl / 50) * 49 + avg / 50;
                }
                if ((iteration & 0xf) == 0 && System.nanoTime() - start > timeLimitNanos) {
                    timeLimitExit = true;
                    timeCapReached++;
                    break;
                }
            } while (sampled == 0 || (long) expired * 100 / sampled > acceptableStale);
        }
        double current = totalSampled == 0 ? 0 : (double) totalExpired / totalSampled;
        stalePerc = current * 0.05 + stalePerc * 0.95;
        return totalExpired;
    }
}
