package io.cinnabar.store;

/** Told of each key removed because its TTL passed, so it is propagated as DEL and notified. */
@FunctionalInterface
public interface ExpiryListener {
    void expired(Database db, KeyEntry entry);
}
