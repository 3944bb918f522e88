package io.cinnabar.blocking;

import io.cinnabar.command.CommandEntry;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.RedisError;
import io.cinnabar.server.ClientConnection;
import io.cinnabar.server.Server;
import io.cinnabar.store.Database;
import io.cinnabar.store.MutableString;
import io.cinnabar.store.TypedValue;
import io.cinnabar.store.ValueType;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The one blocking framework (Redis' {@code blocked.c}): BLPOP/BRPOP/BLMOVE/BLMPOP/BRPOPLPUSH,
 * BZPOPMIN/BZPOPMAX/BZMPOP, XREAD/XREADGROUP BLOCK and WAIT all park clients here.
 * A parked client is a record ({@link BlockedClient}) in a FIFO per (db, key) plus, when it has a
 * timeout, an entry in one deadline-ordered set served by a single event-loop timer; never a thread.
 *
 * <h2>Blocking on keys (how a command uses it)</h2>
 * <pre>{@code
 *   long timeout = Blocking.parseTimeout(argv.get(n), ctx.now());   // Redis' errors, 0 = forever
 *   if (tryServe(ctx, keys)) return;                // the non-blocking form succeeded: reply written
 *   if (!ctx.mayBlock()) { ctx.out().nullArray(); return; }   // MULTI/EXEC, scripts, fake clients
 *   ctx.blockOnKeys(keys, timeout);                 // no reply now; the client stops reading
 * }</pre>
 * The client keeps its command entry and a copy of its argv. When a write marks one of its keys
 * ready ({@link #signalKeyAsReady}, called by {@code Ctx.modified} for every changed key, O(1)
 * when nobody waits), the key is queued; after the current top-level command (so after EXEC or a
 * script as a whole) {@link #handleClientsBlockedOnKeys} serves each ready key's clients in the
 * order they blocked, by simply running their command again through {@code Dispatcher.call}: the
 * code that serves a BLPOP is LPOP's code, and its propagation is whatever the command asked with
 * {@code ctx.propagateAs} (a served BLPOP propagates as LPOP). If the command blocks again (the
 * element was taken by an earlier client) it keeps its place in every queue and its deadline.
 * While re-executed, {@link Ctx#servedKey()} names the key that became ready, so a multi-key pop
 * can take from it first, as Redis 7.0 serves the ready key.
 * A client is only re-run when the key holds the type it waits for ({@code type}), or always when
 * it asked {@code unblockOnNoKey} (XREADGROUP must fail when its stream is deleted or replaced).
 *
 * <h2>Blocking without keys (WAIT)</h2>
 * {@link Ctx#blockUntil(long, Waiter)}: the {@link Waiter} is asked {@link Waiter#tryComplete} each
 * time its owner calls {@link #checkWaiters()} (replication does, on every replica ACK) and
 * answers {@link Waiter#timedOut} on timeout or CLIENT UNBLOCK TIMEOUT.
 *
 * <h2>Ending a block</h2>
 * Timeout: key-blocked clients get a null array (Redis 7.0's replyToBlockedClientTimedOut).
 * {@link #unblock(ClientConnection, boolean)} is CLIENT UNBLOCK (TIMEOUT or ERROR, the latter
 * replies {@code -UNBLOCKED client unblocked via CLIENT UNBLOCK}); {@link #disconnected} cleans up
 * after CLIENT KILL or a closed connection. An unblocked client's reply is flushed with the current
 * batch, and the requests it pipelined meanwhile are processed after the current command.
 * <p>
 * SWAPDB and FLUSHALL should call {@link #signalAllKeys(int)} for the dbs they changed, so clients
 * whose keys appeared are served (Redis' scanDatabaseForReadyKeys).
 * <p>
 * The no-argument constructor gives an inert instance (no server: nothing can block).
 */
public class Blocking {
    /** A non-key wait (WAIT): completion check and timeout reply. */
    public interface Waiter {
        /** Writes the reply and returns true when the wait is over; false to keep waiting. */
        boolean tryComplete(ClientConnection c);

        /** Writes the reply for a timeout (or CLIENT UNBLOCK TIMEOUT). */
        void timedOut(ClientConnection c);
    }

    private static final RedisError UNBLOCKED = new RedisError("UNBLOCKED client unblocked via CLIENT UNBLOCK");
    /** Poll period of the timeout timer when the clock does not advance by itself (a ManualClock in tests). */
    private static final long MAX_TIMER_DELAY = 100;

    private final Server server;
    private final Map<BlockKey, KeyQueue> queues = new HashMap<>();
    private final List<BlockKey> ready = new ArrayList<>();
    private final Map<BlockKey, Boolean> readySet = new HashMap<>();
    private final TreeSet<BlockedClient> deadlines = new TreeSet<>(BlockedClient.BY_DEADLINE);
    private final List<BlockedClient> waiters = new ArrayList<>();
    private final List<ClientConnection> toResume = new ArrayList<>();
    private int blockedClients;
    private long seq;
    private boolean serving;
    private boolean resuming;
    /** The client being re-executed and whether it asked to block again. */
    private BlockedClient current;
    private boolean reblocked;
    private ScheduledFuture<?> timer;
    private long timerAt;

    /** Inert: nothing can block (a server without the subsystem). */
    public Blocking() {
        this.server = null;
    }

    public Blocking(Server server) {
        this.server = server;
    }

    // ---- parsing ----

    /**
     * Redis' getTimeoutFromObjectOrReply in seconds (a float): absolute deadline in ms from
     * {@code now}, or 0 for "forever".
     */
    public static long parseTimeout(byte[] arg, long now) {
        double d = io.cinnabar.util.Numbers.parseDouble(arg);
        if (Double.isNaN(d)) throw io.cinnabar.error.Errors.TIMEOUT_NOT_FLOAT;
        double ms = Math.ceil(d * 1000.0);
        // (long long) of an infinite or huge long double is LLONG_MIN on x86: "negative"
        if (ms < 0 || ms >= 9.2e18) throw io.cinnabar.error.Errors.TIMEOUT_NEGATIVE;
        long t = (long) ms;
        if (t == 0) return 0;
        return t > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + t;
    }

    /** Same, for timeouts given in milliseconds as an integer (XREAD BLOCK, WAIT). */
    public static long parseTimeoutMillis(byte[] arg, long now) {
        long t = io.cinnabar.util.Numbers.parseLong(arg,
                new RedisError("ERR timeout is not an integer or out of range"));
        if (t < 0) throw io.cinnabar.error.Errors.TIMEOUT_NEGATIVE;
        if (t == 0) return 0;
        return t > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + t;
    }

    // ---- blocking ----

    /** Called by {@code Ctx.blockOnKeys}: parks the client on {@code keys} of its current db. */
    public void blockOnKeys(Ctx ctx, byte[][] keys, long timeoutAt, ValueType type, boolean unblockOnNoKey) {
        ClientConnection c = ctx.client();
        if (current != null && current.client == c) {
            reblocked = true; // re-executed and still nothing to serve: keep its place and deadline
            return;
        }
        if (server == null) throw new IllegalStateException("blocking subsystem not installed");
        BlockedClient b = new BlockedClient(c, ctx.command(), ctx.argv().copy(), ++seq, timeoutAt, type,
                unblockOnNoKey, null);
        int db = ctx.dbIndex();
        List<BlockKey> distinct = new ArrayList<>(keys.length);
        for (byte[] k : keys) {
            BlockKey bk = new BlockKey(db, k);
            if (distinct.contains(bk)) continue; // BLPOP k k: one place in the queue
            distinct.add(bk);
        }
        b.nodes = new BlockedClient.Node[distinct.size()];
        for (int i = 0; i < b.nodes.length; i++) {
            BlockKey bk = distinct.get(i);
            KeyQueue q = queues.computeIfAbsent(bk, KeyQueue::new);
            b.nodes[i] = q.append(b);
            if (unblockOnNoKey) q.unblockOnNoKey++;
        }
        park(b);
    }

    /** Called by {@code Ctx.blockUntil}: parks the client until {@code w} completes or times out. */
    public void blockUntil(Ctx ctx, long timeoutAt, Waiter w) {
        ClientConnection c = ctx.client();
        if (server == null) throw new IllegalStateException("blocking subsystem not installed");
        BlockedClient b = new BlockedClient(c, ctx.command(), null, ++seq, timeoutAt, null, false, w);
        b.nodes = new BlockedClient.Node[0];
        waiters.add(b);
        park(b);
    }

    private void park(BlockedClient b) {
        ClientConnection c = b.client;
        c.blockState = b;
        c.flags |= ClientConnection.BLOCKED;
        blockedClients++;
        if (b.deadline != 0) {
            deadlines.add(b);
            if (timer == null || b.deadline < timerAt) scheduleTimer();
        }
    }

    /** True when the client is parked here. */
    public boolean isBlocked(ClientConnection c) {
        return c.blockState instanceof BlockedClient;
    }

    // ---- readiness ----

    /** A key changed: queue it if someone waits on it. Cheap when nobody does. */
    public void signalKeyAsReady(Database db, byte[] key) {
        if (queues.isEmpty()) return;
        BlockKey bk = new BlockKey(db.id(), key);
        if (!queues.containsKey(bk) || readySet.putIfAbsent(bk, Boolean.TRUE) != null) return;
        ready.add(bk);
    }

    /** Marks every waited-on key of db {@code dbIndex} ready (SWAPDB, FLUSHALL, a full sync). */
    public void signalAllKeys(int dbIndex) {
        for (BlockKey bk : new ArrayList<>(queues.keySet())) {
            if (bk.db == dbIndex && readySet.putIfAbsent(bk, Boolean.TRUE) == null) ready.add(bk);
        }
    }

    /** Re-checks the non-key waiters (WAIT): call when what they wait for may have happened. */
    public void checkWaiters() {
        if (waiters.isEmpty()) return;
        for (BlockedClient b : new ArrayList<>(waiters)) {
            if (b.client.blockState == b && b.waiter.tryComplete(b.client)) {
                if (b.entry != null) b.entry.calls++;
                finish(b);
            }
        }
        resumeUnblocked();
        if (server.dispatcher().inCall()) return;
        server.flushPending();
    }

    /** Serves clients whose keys became ready; called after each top-level command. */
    public void handleClientsBlockedOnKeys() {
        if (!ready.isEmpty() && !serving) {
            serving = true;
            try {
                while (!ready.isEmpty()) {
                    List<BlockKey> batch = new ArrayList<>(ready);
                    ready.clear();
                    for (BlockKey bk : batch) {
                        readySet.remove(bk);
                        serveKey(bk);
                    }
                }
            } finally {
                serving = false;
            }
        }
        resumeUnblocked();
    }

    private void serveKey(BlockKey bk) {
        KeyQueue q = queues.get(bk);
        if (q == null) return;
        Database db = server.db(bk.db);
        BlockedClient.Node n = q.head;
        BlockedClient.Node last = q.tail; // serve only those that were waiting when we started
        while (n != null) {
            BlockedClient.Node next = n.next;
            boolean wasLast = n == last;
            if (!n.removed) {
                BlockedClient b = n.client;
                io.cinnabar.store.KeyEntry e = db.lookup(bk.key);
                Object v = e == null ? null : e.value();
                if (v == null && q.unblockOnNoKey == 0) return;
                if (b.unblockOnNoKey || (v != null && typeOf(v) == b.type)) reexecute(b, bk.key);
            }
            if (wasLast) break;
            n = next;
        }
    }

    private static ValueType typeOf(Object v) {
        if (v instanceof byte[] || v instanceof MutableString) return ValueType.STRING;
        return ((TypedValue) v).type();
    }

    private void reexecute(BlockedClient b, byte[] key) {
        ClientConnection c = b.client;
        Ctx ctx = (Ctx) c.ctx;
        current = b;
        reblocked = false;
        byte[] prevServed = ctx.servedKey(key);
        try {
            server.dispatcher().call(ctx, b.entry, b.argv);
        } finally {
            ctx.servedKey(prevServed);
            current = null;
        }
        if (!reblocked && c.blockState == b) {
            if (b.entry != null) b.entry.calls++; // served (or failed): updateStatsOnUnblock counts it now
            finish(b);
        }
        server.markPendingFlush(c);
        // each served client's propagation goes out on its own, as Redis' afterCommand per receiver
        if (server.propagator().hasPending()) server.propagator().flush();
    }

    // ---- unblocking ----

    /**
     * CLIENT UNBLOCK: ends the client's block with the timeout reply, or with the UNBLOCKED error.
     * False if the client is not blocked here.
     */
    public boolean unblock(ClientConnection c, boolean error) {
        if (!(c.blockState instanceof BlockedClient b)) return false;
        if (error) {
            server.dispatcher().replyError(c, UNBLOCKED);
            if (b.entry != null) { // updateStatsOnUnblock with an error reply
                b.entry.calls++;
                b.entry.failedCalls++;
            }
        } else {
            replyTimeout(b);
        }
        finish(b);
        return true;
    }

    /** Ends the block with an error reply (a role change: Redis' disconnectAllBlockedClients). */
    public boolean unblockWithError(ClientConnection c, RedisError err) {
        if (!(c.blockState instanceof BlockedClient b)) return false;
        server.dispatcher().replyError(c, err);
        finish(b);
        return true;
    }

    /** The client disconnects: forget it without a reply. */
    public void disconnected(ClientConnection c) {
        if (c.blockState instanceof BlockedClient b) remove(b);
        toResume.remove(c);
    }

    private void replyTimeout(BlockedClient b) {
        if (b.entry != null) b.entry.calls++; // updateStatsOnUnblock
        if (b.waiter != null) b.waiter.timedOut(b.client);
        else b.client.out().nullArray();
    }

    /** Unblocks after a reply was written: cleanup, flush, and resume its input later. */
    private void finish(BlockedClient b) {
        remove(b);
        ClientConnection c = b.client;
        server.markPendingFlush(c);
        if (!c.isClosed()) toResume.add(c);
    }

    private void remove(BlockedClient b) {
        ClientConnection c = b.client;
        if (c.blockState != b) return;
        c.blockState = null;
        c.flags &= ~ClientConnection.BLOCKED;
        blockedClients--;
        for (BlockedClient.Node n : b.nodes) {
            KeyQueue q = n.queue;
            q.unlink(n);
            if (b.unblockOnNoKey) q.unblockOnNoKey--;
            if (q.head == null) queues.remove(q.key);
        }
        if (b.waiter != null) waiters.remove(b);
        if (b.deadline != 0) deadlines.remove(b);
    }

    private void resumeUnblocked() {
        if (resuming || toResume.isEmpty()) return;
        resuming = true;
        try {
            for (int i = 0; i < toResume.size(); i++) {
                ClientConnection c = toResume.get(i);
                if (!c.isClosed() && !c.has(ClientConnection.BLOCKED)) c.resume();
            }
            toResume.clear();
        } finally {
            resuming = false;
        }
    }

    // ---- timeouts ----

    private void scheduleTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        if (deadlines.isEmpty() || server.net() == null) return;
        timerAt = deadlines.first().deadline;
        long delay = Math.max(0, Math.min(timerAt - server.clock().millis(), MAX_TIMER_DELAY));
        timer = server.net().schedule(this::onTimer, delay);
    }

    private void onTimer() {
        timer = null;
        checkTimeouts();
        scheduleTimer();
    }

    /** Times out every client whose deadline has passed (also callable from cron). */
    public void checkTimeouts() {
        if (deadlines.isEmpty()) return;
        long now = server.clock().millis();
        boolean any = false;
        while (!deadlines.isEmpty() && deadlines.first().deadline <= now) {
            BlockedClient b = deadlines.first();
            replyTimeout(b);
            finish(b);
            any = true;
        }
        if (any && !server.dispatcher().inCall()) {
            server.dispatcher().afterCommand();
            server.flushPending();
        }
    }

    // ---- INFO ----

    /** Clients parked here (INFO blocked_clients, without those held by CLIENT PAUSE). */
    public int blockedClients() {
        return blockedClients;
    }

    /** Parked clients that have a deadline (INFO clients_in_timeout_table). */
    public int clientsWithTimeout() {
        return deadlines.size();
    }

    /** Distinct keys clients wait on (INFO total_blocking_keys). */
    public int blockingKeys() {
        return queues.size();
    }

    /** The keys a client waits on, for debugging and CLIENT LIST-like views. */
    public List<byte[]> keysOf(ClientConnection c) {
        List<byte[]> out = new ArrayList<>();
        if (c.blockState instanceof BlockedClient b) for (BlockedClient.Node n : b.nodes) out.add(n.queue.key.key);
        return out;
    }

    /** The blocked command's name, or null. */
    public CommandEntry commandOf(ClientConnection c) {
        return c.blockState instanceof BlockedClient b ? b.entry : null;
    }

    /** A (db, key) pair as a hash key. */
    static final class BlockKey {
        final int db;
        final byte[] key;
        private final int hash;

        BlockKey(int db, byte[] key) {
            this.db = db;
            this.key = key;
            this.hash = Arrays.hashCode(key) * 31 + db;
        }

        @Override public int hashCode() {
            return hash;
        }

        @Override public boolean equals(Object o) {
            return o instanceof BlockKey k && k.hash == hash && k.db == db && Arrays.equals(k.key, key);
        }
    }

    /** The FIFO of clients blocked on one key: an intrusive doubly linked list (O(1) removal). */
    static final class KeyQueue {
        final BlockKey key;
        BlockedClient.Node head;
        BlockedClient.Node tail;
        int unblockOnNoKey;

        KeyQueue(BlockKey key) {
            this.key = key;
        }

        BlockedClient.Node append(BlockedClient b) {
            BlockedClient.Node n = new BlockedClient.Node(b, this);
            n.prev = tail;
            if (tail == null) head = n;
            else tail.next = n;
            tail = n;
            return n;
        }

        /** Unlinks n; n keeps its next pointer so an iteration standing on it can go on. */
        void unlink(BlockedClient.Node n) {
            if (n.removed) return;
            n.removed = true;
            if (n.prev == null) head = n.next;
            else n.prev.next = n.next;
            if (n.next == null) tail = n.prev;
            else n.next.prev = n.prev;
        }
    }
}
