package io.cinnabar.memory;

import io.cinnabar.command.ClientSideCaching;
import io.cinnabar.command.KeyEvent;
import io.cinnabar.command.KeyspaceNotifier;
import io.cinnabar.command.WatchSignal;
import io.cinnabar.server.Propagator;
import io.cinnabar.server.Server;
import io.cinnabar.store.Database;
import io.cinnabar.store.KeyEntry;
import java.nio.charset.StandardCharsets;

/**
 * maxmemory enforcement, as Redis' performEvictions (evict.c): before each command, while the
 * accounted memory is over the limit, evict keys picked by maxmemory-policy (an eviction pool fed
 * with maxmemory-samples keys per database for the LRU, LFU and TTL policies, a random key per
 * database in turn for the random ones), each evicted key notified ("evicted"), its watchers
 * touched and a DEL (UNLINK with lazyfree-lazy-eviction) propagated on its own. Work is bounded by
 * maxmemory-eviction-tenacity; what is left continues on the event loop.
 */
public final class Evictor {
    public static final int OK = 0, RUNNING = 1, FAIL = 2;

    private static final byte[] DEL = "DEL".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UNLINK = "UNLINK".getBytes(StandardCharsets.US_ASCII);

    private final Server server;
    private final UsedMemory used;
    private final EvictionPool pool = new EvictionPool();
    private int nextDb;
    private boolean procRunning;
    /** When the memory first went over the limit without being resolved (ns, 0 = not over). */
    private long exceededSince;
    long totalExceededMicros;
    /** maxmemory, kept current by a config listener: the per-command check costs one field read. */
    long maxmemory;

    Evictor(Server server, UsedMemory used) {
        this.server = server;
        this.used = used;
    }

    /** isSafeToPerformEvictions: not on a replica that ignores maxmemory, not while paused. */
    private boolean safe() {
        if (server.isReplica() && server.config().getBool("replica-ignore-maxmemory")) return false;
        return !server.dispatcher().pauseInEffect();
    }

    /** The time budget of one eviction run from maxmemory-eviction-tenacity (evictionTimeLimitUs). */
    private long timeLimitMicros() {
        int t = server.config().getInt("maxmemory-eviction-tenacity");
        if (t <= 10) return 50L * t;
        if (t < 100) return (long) (500.0 * Math.pow(1.15, t - 10.0));
        return Long.MAX_VALUE;
    }

    /** performEvictions: OK, RUNNING (over, still evicting later) or FAIL (over, nothing to evict). */
    public int perform() {
        long max = maxmemory;
        if (max == 0 || !safe()) return OK;
        long tofree = used.toFree(max);
        int result;
        if (tofree <= 0) {
            result = OK;
        } else if (server.config().get("maxmemory-policy").equals("noeviction")) {
            result = FAIL;
        } else {
            result = evict(tofree);
        }
        if (result == OK) {
            if (exceededSince != 0) totalExceededMicros += (System.nanoTime() - exceededSince) / 1000;
            exceededSince = 0;
        } else if (exceededSince == 0) {
            exceededSince = System.nanoTime();
        }
        return result;
    }

    /** Milliseconds the memory has been over the limit so far (current_eviction_exceeded_time). */
    public long currentExceededMillis() {
        return exceededSince == 0 ? 0 : (System.nanoTime() - exceededSince) / 1_000_000;
    }

    /** total_eviction_exceeded_time, in milliseconds. */
    public long totalExceededMillis() {
        return totalExceededMicros / 1000;
    }

    private int evict(long tofree) {
        String policy = server.config().get("maxmemory-policy");
        boolean allKeys = policy.startsWith("allkeys");
        boolean random = policy.endsWith("random");
        long limit = timeLimitMicros();
        long t0 = System.nanoTime();
        Propagator p = server.propagator();
        boolean ownPropagation = !p.hasPending();
        long freed = 0;
        int keysFreed = 0;
        int result = OK;
        while (freed < tofree) {
            Database db = random ? pickRandom(allKeys) : pickFromPool(policy, allKeys);
            if (db == null) {
                result = FAIL;
                break;
            }
            freed += delete(db, picked);
            keysFreed++;
            if (keysFreed % 16 == 0 && (System.nanoTime() - t0) / 1000 > limit) {
                startProc();
                break;
            }
        }
        if (result == OK && procRunning) result = RUNNING;
        if (ownPropagation && p.hasPending()) {
            p.noTransaction(); // each DEL on its own (propagate_no_multi)
            p.flush();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        server.latency().addIfNeeded(server.config().getLong("latency-monitor-threshold"), "eviction-cycle", ms,
                server.clock().millis() / 1000);
        return result;
    }

    private KeyEntry picked;

    private Database pickRandom(boolean allKeys) {
        Database[] dbs = server.dbs();
        for (int i = 0; i < dbs.length; i++) {
            Database db = dbs[nextDb = (nextDb + 1) % dbs.length];
            if ((allKeys ? db.size() : db.expiresSize()) == 0) continue;
            picked = db.randomEntry(!allKeys);
            if (picked != null) return db;
        }
        return null;
    }

    private Database pickFromPool(String policy, boolean allKeys) {
        boolean lfu = policy.endsWith("lfu");
        boolean ttl = policy.equals("volatile-ttl");
        int samples = server.config().getInt("maxmemory-samples");
        Database[] dbs = server.dbs();
        while (true) {
            long total = 0;
            for (Database db : dbs) {
                int n = allKeys ? db.size() : db.expiresSize();
                if (n == 0) continue;
                total += n;
                int id = db.id();
                db.sampleKeys(!allKeys, samples, e -> pool.offer(score(db, e, lfu, ttl), e.key(), id));
            }
            if (total == 0) return null;
            for (int k = pool.best(); k >= 0; k = pool.best()) {
                Database db = dbs[pool.db(k)];
                KeyEntry e = db.raw(pool.key(k));
                pool.remove(k);
                if (e != null && (allKeys || e.hasExpire())) {
                    picked = e;
                    return db;
                }
                // a ghost: the key went away since it was sampled
            }
        }
    }

    /** The pool's ordering score: higher is a better candidate (estimateObjectIdleTime, 255 - LFU, -ttl). */
    private static long score(Database db, KeyEntry e, boolean lfu, boolean ttl) {
        if (ttl) return Long.MAX_VALUE - e.expireAt();
        if (lfu) return 255 - db.lfuCounter(e);
        return db.idleSeconds(e) * 1000;
    }

    /** Evicts one key; returns the bytes the accounting freed. */
    private long delete(Database db, KeyEntry e) {
        long before = db.usedBytes();
        byte[] key = e.key();
        db.removeEntry(e);
        server.stats().evictedKeys++;
        WatchSignal w = server.watches();
        if (w != null) w.touch(db.id(), key);
        ClientSideCaching t = server.tracking();
        if (t != null) t.keyModified(null, key);
        KeyspaceNotifier n = server.notifications();
        if (n != null && n.enabled(KeyEvent.EVICTED)) n.notify(KeyEvent.EVICTED, "evicted", key, db.id());
        boolean lazy = server.config().getBool("lazyfree-lazy-eviction");
        server.propagator().propagate(db.id(), new byte[][] {lazy ? UNLINK : DEL, key});
        return before - db.usedBytes();
    }

    /** startEvictionTimeProc: keep evicting from the event loop between commands until resolved. */
    public void startProc() {
        if (procRunning || server.net() == null) return;
        procRunning = true;
        server.net().execute(this::proc);
    }

    private void proc() {
        procRunning = false;
        int r = perform();
        server.flushPending();
        if (r == RUNNING) startProc();
    }
}
