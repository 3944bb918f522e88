package io.cinnabar.command;

import io.cinnabar.server.ClientConnection;

/**
 * Invalidates WATCHes (implemented by transactions): told of every modified key. The flush and
 * swap signals must come before the databases change, since they look at which keys exist
 * (Redis' touchAllWatchedKeysInDb runs before emptyData and before the swap).
 */
public interface WatchSignal {
    void touch(int db, byte[] key);

    /** Every existing watched key of db is invalidated (FLUSHDB; -1 for FLUSHALL). Call before emptying. */
    void touchAll(int db);

    /** SWAPDB: keys watched in either db are invalidated if they exist in either. Call before swapping. */
    void swapped(int db1, int db2);

    /** Forgets every key the client watches (UNWATCH, EXEC, DISCARD, RESET, disconnect). */
    void unwatchAll(ClientConnection c);
}
