package io.cinnabar.store;

/**
 * Snapshot epochs of one keyspace, shared by a server's databases (Dragonfly's versioned
 * snapshot, without fork): a point-in-time snapshot must write every entry that existed when it
 * began exactly once, with the value it had then, while commands keep running.
 * <p>
 * Each entry carries the epoch it was last stamped with. A running snapshot has its own epoch;
 * new entries are stamped with it (so they are left out), and the snapshot stamps each entry it
 * writes. Every way to reach an entry of a {@link Database} ({@code lookup}, {@code peek},
 * {@code raw}, {@code randomKey}, {@code removeEntry}, expiry, {@code setExpire}) first calls the
 * {@link Hook} for an entry whose stamp differs, so the old value is written before anything can
 * change or remove it; this is the one pre-write hook, and no command or database path can get
 * at an entry around it (only {@code keys()}/{@code scan()} iteration, which must not mutate).
 * FLUSHDB/FLUSHALL and SWAPDB swap whole dicts, which the snapshot keeps walking on its own.
 * <p>
 * Epochs are 8 bits, cycling. Entries' stamps always lie between the epoch of the last snapshot
 * that walked everything and the current one; only after 255 snapshots in a row were aborted
 * would the next epoch collide, and then every live entry is restamped first ({@link #begin}).
 */
public final class SnapshotVersions {
    /** Called on the owner thread for an entry of {@code dict} not yet written by the running snapshot. */
    public interface Hook {
        /** Must serialize the entry (if its dict is one the snapshot covers) and stamp it. */
        void beforeAccess(Dict<KeyEntry> dict, KeyEntry e);
    }

    int epoch;
    private int lastCompleted;
    Hook hook;

    /** The running (or last) snapshot's epoch; new entries get this stamp. */
    public int epoch() {
        return epoch;
    }

    /** True while a snapshot is walking the keyspace. */
    public boolean active() {
        return hook != null;
    }

    /** Starts a snapshot over {@code live}: a fresh epoch, and {@code hook} sees entries before any access. */
    public int begin(Hook h, Database[] live) {
        if (hook != null) throw new IllegalStateException("a snapshot is already running");
        int next = (epoch + 1) & 0xFF;
        if (next == lastCompleted) {
            // 255 aborted snapshots since the last complete walk: restamp so no old stamp equals `next`
            for (Database db : live) db.keys().forEach(e -> e.snapshotStamp(epoch));
            lastCompleted = epoch;
        }
        epoch = next;
        hook = h;
        return epoch;
    }

    /** Ends the running snapshot; {@code walkedEverything} when every entry of its dicts got its stamp. */
    public void end(boolean walkedEverything) {
        hook = null;
        if (walkedEverything) lastCompleted = epoch;
    }

    /** Runs the hook for an entry whose stamp is not the running snapshot's epoch. */
    void guard(Dict<KeyEntry> dict, KeyEntry e) {
        Hook h = hook;
        if (h != null && e.snapshotStamp() != epoch) h.beforeAccess(dict, e);
    }
}
