package io.cinnabar.command;

/** Invalidates WATCHes (implemented by transactions): told of every modified key. */
public interface WatchSignal {
    void touch(int db, byte[] key);

    /** Every watched key of db is invalidated (FLUSHDB; -1 for FLUSHALL). */
    void touchAll(int db);

    /** SWAPDB: keys watched in either db are invalidated if they exist in either. */
    void swapped(int db1, int db2);
}
