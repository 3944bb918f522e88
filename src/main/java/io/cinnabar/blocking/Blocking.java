package io.cinnabar.blocking;

import io.cinnabar.server.ClientConnection;
import io.cinnabar.store.Database;

/**
 * The one blocking framework (placeholder until lists land): parks clients on keys, wakes them
 * when a key they wait on becomes ready, and serves them in arrival order.
 */
public class Blocking {
    /** Called by every modification of a key; cheap when nobody waits on it. */
    public void signalKeyAsReady(Database db, byte[] key) {}

    /** Serves clients whose keys became ready; called after each top-level command. */
    public void handleClientsBlockedOnKeys() {}

    /** The client disconnects or is unblocked (CLIENT UNBLOCK/KILL). */
    public void disconnected(ClientConnection c) {}

    public int blockedClients() {
        return 0;
    }

    public int blockingKeys() {
        return 0;
    }
}
