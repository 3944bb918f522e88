package io.cinnabar.store;

/**
 * The active expiry cycle (Redis' activeExpireCycle, "slow" variant run from cron): samples
 * volatile keys of each database, deletes the expired ones, and keeps going while more than a
 * tenth of a sample was expired, within a time budget of a quarter of a cron period.
 * {@code effort} (active-expire-effort, 1..10) scales the sample size and the tolerated stale share.
 */
public final class ActiveExpiry {
    private static final int KEYS_PER_LOOP = 20;
    private static final int ACCEPTABLE_STALE = 10;
    private static final int SLOW_TIME_PERC = 25;

    private int currentDb;

    /** Runs one cycle over the databases; returns the number of keys expired. */
    public long run(Database[] dbs, int hz, int effort) {
        int e = Math.max(1, Math.min(10, effort)) - 1;
        int perLoop = KEYS_PER_LOOP + KEYS_PER_LOOP / 4 * e;
        int acceptableStale = ACCEPTABLE_STALE - e;
        long budgetNanos = (SLOW_TIME_PERC + 2L * e) * 1_000_000_000L / Math.max(1, hz) / 100;
        long start = System.nanoTime();
        long expired = 0;
        int dbsPerCall = dbs.length;
        for (int j = 0; j < dbsPerCall; j++) {
            Database db = dbs[currentDb % dbs.length];
            currentDb++;
            int sampled;
            int expiredNow;
            do {
                if (db.expiresSize() == 0) {
                    db.avgTtl = 0;
                    break;
                }
                long now = db.clock().millis();
                int[] counts = new int[2];
                long[] ttlSum = new long[2];
                db.expires().sample(perLoop, x -> {
                    KeyEntry k = x.target;
                    counts[0]++;
                    if (k.expireAt <= now) {
                        db.expire(k);
                        counts[1]++;
                    } else {
                        ttlSum[0] += k.expireAt - now;
                        ttlSum[1]++;
                    }
                });
                sampled = counts[0];
                expiredNow = counts[1];
                expired += expiredNow;
                if (ttlSum[1] > 0) {
                    long avg = ttlSum[0] / ttlSum[1];
                    db.avgTtl = db.avgTtl == 0 ? avg : (db.avgTtl / 50) * 49 + avg / 50;
                }
                if (System.nanoTime() - start > budgetNanos) return expired;
            } while (sampled > 0 && expiredNow * 100 > sampled * acceptableStale);
        }
        return expired;
    }
}
