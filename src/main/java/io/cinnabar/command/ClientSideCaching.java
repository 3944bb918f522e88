package io.cinnabar.command;

import io.cinnabar.resp.Argv;
import io.cinnabar.server.ClientConnection;

/**
 * Client-side caching (CLIENT TRACKING, implemented by io.cinnabar.tracking) as the core sees it.
 * The server holds one only once a client has enabled tracking (as Redis allocates its
 * TrackingTable then), so while no client ever tracked, each hook costs one null check.
 */
public interface ClientSideCaching {
    /** signalModifiedKey: {@code key} (of any db) changed; {@code by} is null for expiry and eviction. */
    void keyModified(ClientConnection by, byte[] key);

    /** A database or all were flushed: every tracking client is told to drop everything. */
    void flushed();

    /** After each call(): remember the keys a read-only command served; at the top level, send deferred invalidations. */
    void called(Ctx ctx, CommandEntry e, Argv argv, boolean topLevel);

    /** processCommand, before a command runs (or is queued): keep the table within tracking-table-max-keys. */
    void beforeCommand();

    long totalKeys();

    long totalItems();

    long totalPrefixes();
}
