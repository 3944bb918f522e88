package io.cinnabar.store;

import io.cinnabar.error.Errors;
import io.cinnabar.time.Clock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One numbered database: the key dict and the dict of keys with a TTL. Expired keys are removed
 * lazily on access ({@link #lookup}) and by the active expiry cycle, and each removal is reported
 * to the {@link ExpiryListener} so it can be propagated (as DEL) and notified, like Redis'
 * expireIfNeeded + deleteExpiredKeyAndPropagate.
 * <p>
 * This layer knows nothing of commands or clients: write commands record their changes through
 * the command context, which also signals WATCH and blocked clients.
 */
public final class Database {
    /** What happens to a key found expired on access. */
    public enum ExpireMode {
        /** A master deletes it and reports the deletion. */
        DELETE,
        /** A replica (or a paused server) hides it but keeps it until the master's DEL arrives. */
        HIDE
    }

    private final int id;
    private final Clock clock;
    private final ExpiryListener listener;
    private java.util.function.BiConsumer<Database, byte[]> addListener;
    private Dict<KeyEntry> keys = new Dict<>();
    private Dict<ExpireEntry> expires = new Dict<>();
    private ExpireMode expireMode = ExpireMode.DELETE;
    private AccessTracking access = new AccessTracking();
    private BooleanSupplier expiryPaused = () -> false;
    private SnapshotVersions versions = new SnapshotVersions();
    private BooleanSupplier loading = () -> false;
    /** Estimated average TTL of volatile keys, maintained by the active expiry cycle (INFO keyspace avg_ttl). */
    long avgTtl;
    /** Share of expired keys among the last samples, for the cycle's effort decision. */
    double expiredStalePerc;
    /** Sum of the keys' accounted bytes (see {@link MemoryEstimate}), expires entries aside. */
    private long usedBytes;
    /** The entry last looked up or added: {@link #account} after a write usually finds it here. */
    private KeyEntry lastEntry;
    /** Where the active expiry cycle resumes its walk of the expires dict (Redis' expires_cursor). */
    long expiresCursor;

    public Database(int id, Clock clock, ExpiryListener listener) {
        this.id = id;
        this.clock = clock;
        this.listener = listener;
    }

    public int id() {
        return id;
    }

    public Clock clock() {
        return clock;
    }

    /** Shares the server's LRU/LFU setting (maxmemory-policy, lfu-log-factor, lfu-decay-time). */
    public void accessTracking(AccessTracking a) {
        this.access = a;
    }

    /**
     * While this says so (CLIENT PAUSE), expired keys are hidden but not deleted, so the dataset
     * stays static (Redis' checkClientPauseTimeoutAndReturnIfPaused in expireIfNeeded).
     */
    public void expiryPaused(BooleanSupplier paused) {
        this.expiryPaused = paused;
    }

    /**
     * While this says so no key is expired: the AOF is being replayed (Redis' keyIsExpired during
     * loading), or a replica runs its master's command (expireIfNeeded: the master decides).
     */
    public void loading(BooleanSupplier loading) {
        this.loading = loading;
    }

    private boolean deletesExpired() {
        return expireMode == ExpireMode.DELETE && !expiryPaused.getAsBoolean();
    }

    public void expireMode(ExpireMode mode) {
        this.expireMode = mode;
    }

    /** Shares the server's snapshot epochs (every database of a keyspace must use the same one). */
    public void versions(SnapshotVersions v) {
        this.versions = v;
    }

    public SnapshotVersions versions() {
        return versions;
    }

    /** The pre-write hook of a running snapshot: every path that hands out or removes an entry calls it. */
    private KeyEntry guard(KeyEntry e) {
        if (versions.hook != null) versions.guard(keys, e);
        return e;
    }

    /**
     * True unless a snapshot is running and the key's entry was not written by it yet: after a
     * write, this must hold (checked with {@code assert} where commands record changes), since every
     * path to an entry serializes it first.
     */
    public boolean snapshotSafe(byte[] key) {
        if (versions.hook == null) return true;
        KeyEntry e = keys.get(key);
        return e == null || e.snapshotStamp() == versions.epoch;
    }

    public int size() {
        return keys.size();
    }

    public int expiresSize() {
        return expires.size();
    }

    public long avgTtl() {
        return avgTtl;
    }

    /**
     * The key dict, for read-only iteration (KEYS, SCAN, saving). Entries met this way must not be
     * changed or removed except through this class, which runs the snapshot hook.
     */
    public Dict<KeyEntry> keys() {
        return keys;
    }

    Dict<ExpireEntry> expires() {
        return expires;
    }

    // ---- lookup ----

    /** The live entry for key, or null; an expired key is handled per the expire mode. Touches the LRU clock. */
    public KeyEntry lookup(byte[] key) {
        KeyEntry e = keys.get(key);
        if (e == null) return null;
        guard(e);
        if (e.expireAt != 0 && isExpired(e)) {
            if (deletesExpired()) expire(e);
            return null;
        }
        e.lru(access.touched(e.lru(), clock.millis()));
        lastEntry = e;
        return e;
    }

    /** Like {@link #lookup} but without touching the access time (OBJECT, TYPE-free internal peeks). */
    public KeyEntry peek(byte[] key) {
        KeyEntry e = keys.get(key);
        if (e == null) return null;
        guard(e);
        if (e.expireAt != 0 && isExpired(e)) {
            if (deletesExpired()) expire(e);
            return null;
        }
        return e;
    }

    /** The entry even when logically expired (DEBUG OBJECT, the expiry cycle). */
    public KeyEntry raw(byte[] key) {
        KeyEntry e = keys.get(key);
        return e == null ? null : guard(e);
    }

    public Object get(byte[] key) {
        KeyEntry e = lookup(key);
        return e == null ? null : e.value;
    }

    public boolean exists(byte[] key) {
        return lookup(key) != null;
    }

    /** The value if it has the expected type, null if the key is missing; WRONGTYPE otherwise. */
    @SuppressWarnings("unchecked")
    public <T extends TypedValue> T get(byte[] key, ValueType type) {
        Object v = get(key);
        if (v == null) return null;
        if (!(v instanceof TypedValue tv) || tv.type() != type) throw Errors.WRONGTYPE;
        return (T) v;
    }

    /** The string value (byte[] or MutableString), null if missing; WRONGTYPE otherwise. */
    public Object getString(byte[] key) {
        Object v = get(key);
        if (v == null || v instanceof byte[] || v instanceof MutableString) return v;
        throw Errors.WRONGTYPE;
    }

    // ---- writes ----

    /** Adds a key known to be absent (after a lookup). */
    public KeyEntry add(byte[] key, Object value) {
        if (!deletesExpired()) dropHiddenExpired(key);
        KeyEntry e = new KeyEntry(key, Dict.hash(key), value);
        e.lru(access.initial(clock.millis()));
        e.snapshotStamp(versions.epoch); // created after a running snapshot began: not part of it
        keys.add(e);
        account(e);
        lastEntry = e;
        if (addListener != null) addListener.accept(this, key);
        return e;
    }

    /**
     * A replica hides expired keys from lookups but keeps them for the master's DEL; a write that
     * creates the key anew deletes the old entry first (Redis' EXPIRE_FORCE_DELETE_EXPIRED on a
     * writable replica), or the dict would hold the key twice.
     */
    private void dropHiddenExpired(byte[] key) {
        KeyEntry old = keys.get(key);
        if (old != null) expire(guard(old));
    }

    /** Told of every key added (dbAdd's "new" keyspace event). */
    public void onAdd(java.util.function.BiConsumer<Database, byte[]> listener) {
        this.addListener = listener;
    }

    /** setKey: creates or overwrites; the TTL is cleared unless keepTtl. Returns the entry. */
    public KeyEntry set(byte[] key, Object value, boolean keepTtl) {
        KeyEntry e = lookup(key);
        if (e == null) return add(key, value);
        e.value = value;
        if (!keepTtl && e.expireAt != 0) removeExpire(e);
        account(e);
        return e;
    }

    public KeyEntry set(byte[] key, Object value) {
        return set(key, value, false);
    }

    /** Removes a live key; false if absent (or expired). */
    public boolean delete(byte[] key) {
        KeyEntry e = lookup(key);
        if (e == null) return false;
        removeEntry(e);
        return true;
    }

    /** Removes an entry found by lookup. */
    public void removeEntry(KeyEntry e) {
        guard(e);
        keys.remove(e.key());
        usedBytes -= e.accountedBytes();
        e.memUnits = 0;
        if (e == lastEntry) lastEntry = null;
        if (e.expireAt != 0) {
            expires.remove(e.key());
            e.expireAt = 0;
        }
    }

    public void setExpire(KeyEntry e, long whenMillis) {
        guard(e);
        if (e.expireAt == 0) expires.add(new ExpireEntry(e));
        e.expireAt = whenMillis;
    }

    /** Removes the TTL; false if the key had none. */
    public boolean removeExpire(KeyEntry e) {
        if (e.expireAt == 0) return false;
        guard(e);
        expires.remove(e.key());
        e.expireAt = 0;
        return true;
    }

    /** Deletes an entry whose TTL passed and reports it like any expiry (a writable replica's own keys). */
    public void deleteExpired(KeyEntry e) {
        expire(e);
    }

    /** Deletes an expired entry and reports it (lazy or active expiry). */
    void expire(KeyEntry e) {
        removeEntry(e);
        listener.expired(this, e);
    }

    /**
     * True when the key's TTL has passed (the entry is still there on a replica). As Redis'
     * keyIsExpired, a key is expired only once now is strictly past its expiry time.
     */
    public boolean isExpired(KeyEntry e) {
        return e.expireAt != 0 && clock.millis() > e.expireAt && !loading.getAsBoolean();
    }

    public void clear() {
        keys = new Dict<>();
        expires = new Dict<>();
        avgTtl = 0;
        usedBytes = 0;
        lastEntry = null;
    }

    /** Exchanges contents with another database (SWAPDB); ids stay. */
    public void swapWith(Database other) {
        Dict<KeyEntry> k = keys;
        keys = other.keys;
        other.keys = k;
        Dict<ExpireEntry> x = expires;
        expires = other.expires;
        other.expires = x;
        long a = avgTtl;
        avgTtl = other.avgTtl;
        other.avgTtl = a;
        long u = usedBytes;
        usedBytes = other.usedBytes;
        other.usedBytes = u;
        lastEntry = other.lastEntry = null;
    }

    /**
     * A random live key (RANDOMKEY, dbRandomKey): expired keys met on the way are deleted. When
     * they are only hidden (a replica) and every key is volatile, all may be logically expired:
     * after 100 tries one is returned anyway, as Redis does.
     */
    public KeyEntry randomKey() {
        int maxTries = 100;
        boolean allVolatile = keys.size() == expires.size();
        boolean delete = deletesExpired();
        while (true) {
            KeyEntry e = keys.random();
            if (e == null) return null;
            guard(e);
            if (!isExpired(e)) return e;
            if (delete) {
                expire(e);
            } else if (allVolatile && --maxTries == 0) {
                return e;
            }
        }
    }

    /**
     * One SCAN step over the key dict: every entry of the visited buckets, expired or not (SCAN
     * counts them toward COUNT and filters them afterwards, deleting them, as Redis does).
     */
    public long scan(long cursor, Consumer<KeyEntry> visitor) {
        return keys.scan(cursor, visitor);
    }

    /** Housekeeping from cron: shrink and incremental rehash (activerehashing). */
    public void cron(boolean activeRehashing) {
        keys.shrinkIfNeeded();
        expires.shrinkIfNeeded();
        if (activeRehashing) {
            if (keys.isRehashing()) keys.rehashMillis(1);
            else if (expires.isRehashing()) expires.rehashMillis(1);
        }
    }

    // ---- memory accounting ----

    /**
     * Re-estimates a key after a write (called by the command context's modified()): the delta
     * between its new estimate and the one accounted goes into {@link #usedBytes()}.
     */
    public void account(byte[] key) {
        KeyEntry e = lastEntry;
        if (e == null || (e.key != key && !java.util.Arrays.equals(e.key, key))) {
            e = keys.get(key);
            if (e == null) return;
        }
        account(e);
    }

    private void account(KeyEntry e) {
        long bytes = MemoryEstimate.keyUsage(e.key, e.value, MemoryEstimate.DEFAULT_SAMPLES);
        int units = (int) Math.min(Integer.MAX_VALUE, (bytes + 7) >>> 3);
        usedBytes += ((long) units - e.memUnits) << 3;
        e.memUnits = units;
    }

    /** What this database's keys hold: their accounted bytes plus the expires entries. */
    public long usedBytes() {
        return usedBytes + (long) expires.size() * MemoryEstimate.EXPIRE_ENTRY;
    }

    /** Re-estimates every key (after values were built in place without a write being recorded). */
    public void reaccountAll() {
        keys.forEach(this::account);
    }

    /**
     * Up to {@code count} keys sampled from a random region of the keyspace, or of the volatile
     * keys only (eviction's evictionPoolPopulate); logically expired keys included.
     */
    public void sampleKeys(boolean volatileOnly, int count, Consumer<KeyEntry> visitor) {
        if (volatileOnly) expires.sample(count, x -> visitor.accept(x.target));
        else keys.sample(count, visitor);
    }

    /** A random key, or a random volatile key (the *-random eviction policies); null when none. */
    public KeyEntry randomEntry(boolean volatileOnly) {
        KeyEntry e;
        if (volatileOnly) {
            ExpireEntry x = expires.random();
            e = x == null ? null : x.target;
        } else {
            e = keys.random();
        }
        return e == null ? null : guard(e);
    }

    public int lruClock() {
        return AccessTracking.lruClock(clock.millis());
    }

    /** OBJECT FREQ: the key's LFU counter after decay (meaningful under an LFU policy). */
    public int lfuCounter(KeyEntry e) {
        return access.decayed(e.lru(), clock.millis());
    }

    /** Seconds since the key was last accessed (OBJECT IDLETIME). */
    public long idleSeconds(KeyEntry e) {
        long now = lruClock();
        long lru = e.lru();
        return now >= lru ? now - lru : (0xFFFFFF - lru) + now;
    }
}
