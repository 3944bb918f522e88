package io.cinnabar.blocking;

import io.cinnabar.command.CommandEntry;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.ClientConnection;
import io.cinnabar.store.ValueType;
import java.util.Comparator;

/**
 * One parked client (Redis' client->bstate): the command to run again, a copy of its argv, its
 * deadline (absolute ms, 0 = none), what it waits for, and its place in each key's queue.
 */
final class BlockedClient {
    static final Comparator<BlockedClient> BY_DEADLINE = (a, b) -> {
        int c = Long.compare(a.deadline, b.deadline);
        return c != 0 ? c : Long.compare(a.seq, b.seq);
    };

    final ClientConnection client;
    final CommandEntry entry;
    final Argv argv;
    final long seq;
    final long deadline;
    /** The value type whose presence lets the command be served (null for non-key waits). */
    final ValueType type;
    /** Re-run the command also when the key is gone or of another type (XREADGROUP). */
    final boolean unblockOnNoKey;
    final Blocking.Waiter waiter;
    Node[] nodes;

    BlockedClient(ClientConnection client, CommandEntry entry, Argv argv, long seq, long deadline, ValueType type,
            boolean unblockOnNoKey, Blocking.Waiter waiter) {
        this.client = client;
        this.entry = entry;
        this.argv = argv;
        this.seq = seq;
        this.deadline = deadline;
        this.type = type;
        this.unblockOnNoKey = unblockOnNoKey;
        this.waiter = waiter;
    }

    /** The client's place in one key's FIFO. */
    static final class Node {
        final BlockedClient client;
        final Blocking.KeyQueue queue;
        Node prev;
        Node next;
        boolean removed;

        Node(BlockedClient client, Blocking.KeyQueue queue) {
            this.client = client;
            this.queue = queue;
        }
    }
}
