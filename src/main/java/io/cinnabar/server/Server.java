package io.cinnabar.server;

import io.cinnabar.blocking.Blocking;
import io.cinnabar.command.CommandRegistry;
import io.cinnabar.command.Dispatcher;
import io.cinnabar.config.Config;
import io.cinnabar.config.ConfigParam;
import io.cinnabar.store.AccessTracking;
import io.cinnabar.store.ActiveExpiry;
import io.cinnabar.store.Database;
import io.cinnabar.store.KeyEntry;
import io.cinnabar.time.Clock;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The state of one server: configuration, clock, databases, connected clients, statistics and the
 * subsystems (dispatcher, blocking, propagation). Owned by the event loop thread: every method
 * here runs on it. Nothing is static, so two servers in one JVM share nothing.
 */
public final class Server {
    private final Config config;
    private final Clock clock;
    private Database[] dbs;
    /** Snapshot epochs shared by every database this server creates (store.SnapshotVersions). */
    private final io.cinnabar.store.SnapshotVersions snapshotVersions = new io.cinnabar.store.SnapshotVersions();
    private final CommandRegistry registry;
    private final Dispatcher dispatcher;
    private final Stats stats = new Stats();
    private final Log log = new Log();
    private final Propagator propagator = new Propagator();
    private final ActiveExpiry activeExpiry = new ActiveExpiry();
    private final OutputBufferLimits outputLimits;
    private final ClientEviction clientEviction;
    private final AccessTracking accessTracking = new AccessTracking();
    private final Map<Long, ClientConnection> clients = new LinkedHashMap<>();
    private final List<ClientConnection> pendingFlush = new ArrayList<>();
    private final List<Consumer<ClientConnection>> disconnectListeners = new ArrayList<>();
    private final String runId;
    private final long startMillis;
    private Blocking blocking = new Blocking();
    private Object watches;
    private Object notifications;
    private Object replication;
    private Object persistence;
    private Object pubsub;
    private Object tracking;
    private final List<Runnable> beforeSleep = new ArrayList<>();
    private Object memory;
    private Object acl;
    /** clientSetDefaultAuth and authRequired's server part; the ACL subsystem installs its own. */
    private Consumer<ClientConnection> defaultAuth = c -> c.authenticated = !authRequired();
    private java.util.function.BooleanSupplier authRequired = () -> !config().get("requirepass").isEmpty();
    private Object aof;
    private ReplyBarrier replyBarrier;
    private Object scripting;
    private long nextClientId = 1;
    /** Changes since the last save (Redis' server.dirty). */
    public long dirty;
    public long lastSaveMillis;
    /** True while the AOF is replayed: keys do not expire, commands are not propagated (Redis' server.loading). */
    public boolean loading;
    public boolean activeExpireEnabled = true;
    private NetServer net;
    private Runnable shutdownHook = () -> {};
    private Runnable stopAction = () -> {};
    private final SlowLog slowlog = new SlowLog();
    private final LatencyMonitor latency = new LatencyMonitor();
    private final List<ClientConnection> monitors = new ArrayList<>();
    private final List<Consumer<ClientConnection>> resetHooks = new ArrayList<>();
    private final Map<String, java.util.function.Supplier<String>> infoProviders = new LinkedHashMap<>();
    /** Held, not looked up by name: {@link #isReplica} runs for every write command. */
    private final ConfigParam replicaof;

    public Server(Config config, Clock clock, CommandRegistry registry) {
        this.config = config;
        this.replicaof = config.param("replicaof");
        this.clock = clock;
        this.registry = registry;
        this.startMillis = clock.millis();
        this.lastSaveMillis = startMillis;
        this.runId = randomHex(40);
        int n = config.getInt("databases");
        this.dbs = new Database[n];
        for (int i = 0; i < n; i++) dbs[i] = newDatabase(i);
        for (String p : new String[] {"maxmemory-policy", "lfu-log-factor", "lfu-decay-time"}) {
            config.onChange(p, x -> configureAccessTracking());
        }
        configureAccessTracking();
        this.dispatcher = new Dispatcher(this);
        this.outputLimits = new OutputBufferLimits(this);
        this.clientEviction = new ClientEviction(this);
        config.onChange("proto-max-bulk-len", p -> {
            for (ClientConnection c : clients.values()) c.decoder().maxBulkLen(p.number());
        });
    }

    public static String randomHex(int len) {
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) sb.append("0123456789abcdef".charAt(r.nextInt(16)));
        return sb.toString();
    }

    public Config config() { return config; }
    public Clock clock() { return clock; }
    public Database db(int i) { return dbs[i]; }
    public Database[] dbs() { return dbs; }
    public int dbCount() { return dbs.length; }
    public CommandRegistry registry() { return registry; }
    public Dispatcher dispatcher() { return dispatcher; }
    public Stats stats() { return stats; }
    public Log log() { return log; }
    public Propagator propagator() { return propagator; }
    public OutputBufferLimits outputLimits() { return outputLimits; }
    public ClientEviction clientEviction() { return clientEviction; }
    public ActiveExpiry activeExpiry() { return activeExpiry; }
    public String runId() { return runId; }
    public long startMillis() { return startMillis; }
    public Blocking blocking() { return blocking; }
    public void blocking(Blocking b) { this.blocking = b; }
    public NetServer net() { return net; }
    public SlowLog slowlog() { return slowlog; }
    public LatencyMonitor latency() { return latency; }
    /** Clients in MONITOR mode, fed by the introspection call listener. */
    public List<ClientConnection> monitors() { return monitors; }

    /** RESET runs these for the client (MULTI/WATCH, subscriptions, tracking... register here). */
    public void onReset(Consumer<ClientConnection> hook) {
        resetHooks.add(hook);
    }

    /**
     * Lets a subsystem write an INFO section's body (e.g. "persistence", "replication"):
     * lines "field:value\r\n" without the "# Title" header. Replaces the built-in body.
     */
    public void infoProvider(String section, java.util.function.Supplier<String> body) {
        infoProviders.put(section.toLowerCase(java.util.Locale.ROOT), body);
    }

    public java.util.function.Supplier<String> infoProvider(String section) {
        return infoProviders.get(section);
    }

    public void runResetHooks(ClientConnection c) {
        for (Consumer<ClientConnection> h : resetHooks) h.accept(c);
    }
    void net(NetServer n) { this.net = n; }

    /** Slots for subsystems that attach themselves (WATCH, notifications, pub/sub, replication, persistence). */
    @SuppressWarnings("unchecked") public <T> T watches() { return (T) watches; }
    public void watches(Object w) { this.watches = w; }
    @SuppressWarnings("unchecked") public <T> T notifications() { return (T) notifications; }
    public void notifications(Object n) { this.notifications = n; }
    @SuppressWarnings("unchecked") public <T> T pubsub() { return (T) pubsub; }
    public void pubsub(Object p) { this.pubsub = p; }
    /** Client-side caching (io.cinnabar.command.ClientSideCaching), null until a client first enables tracking. */
    @SuppressWarnings("unchecked") public <T> T tracking() { return (T) tracking; }
    public void tracking(Object t) { this.tracking = t; }
    @SuppressWarnings("unchecked") public <T> T acl() { return (T) acl; }
    public void acl(Object a) { this.acl = a; }
    @SuppressWarnings("unchecked") public <T> T replication() { return (T) replication; }
    public void replication(Object r) { this.replication = r; }
    @SuppressWarnings("unchecked") public <T> T persistence() { return (T) persistence; }
    /** Memory accounting and maxmemory eviction (io.cinnabar.memory.Memory). */
    @SuppressWarnings("unchecked") public <T> T memory() { return (T) memory; }
    public void memory(Object m) { this.memory = m; }
    @SuppressWarnings("unchecked") public <T> T scripting() { return (T) scripting; }
    public void scripting(Object s) { this.scripting = s; }
    public void persistence(Object p) { this.persistence = p; }
    @SuppressWarnings("unchecked") public <T> T aof() { return (T) aof; }
    public void aof(Object a) { this.aof = a; }

    /**
     * Holds replies back until what must reach the disk first is written (the AOF's write, and its
     * fsync under appendfsync always): Redis writes the AOF in beforeSleep, before any reply.
     */
    public interface ReplyBarrier {
        /** True while replies must wait; the barrier then flushes the pending clients itself. */
        boolean hold();

        /** Writes what is pending now (a client is about to be closed). */
        void release();
    }

    public void replyBarrier(ReplyBarrier b) { this.replyBarrier = b; }

    // ---- clients ----

    ClientConnection newClient(io.netty.channel.Channel ch, io.netty.buffer.ByteBufAllocator alloc, String addr,
            String laddr, boolean unix) {
        ClientConnection c = new ClientConnection(nextClientId++, ch, alloc, clock.millis(), addr, laddr, unix);
        c.decoder().maxBulkLen(config.getLong("proto-max-bulk-len"));
        setDefaultAuth(c);
        clients.put(c.id, c);
        stats.connectionsReceived++;
        return c;
    }

    /** A connection this server opened itself (a replica's link to its master), listed among the clients. */
    public ClientConnection attachClient(io.netty.channel.Channel ch, int flags) {
        String addr = String.valueOf(ch.remoteAddress()).replaceFirst("^.*/", "");
        String laddr = String.valueOf(ch.localAddress()).replaceFirst("^.*/", "");
        ClientConnection c = new ClientConnection(nextClientId++, ch, ch.alloc(), clock.millis(), addr, laddr, false);
        c.authenticated = true;
        c.flags |= flags;
        clients.put(c.id, c);
        return c;
    }

    /** Forgets a client whose connection this server owns (the master link closing). */
    public void detachClient(ClientConnection c) {
        removeClient(c);
    }

    /** A client with no connection (AOF loading, the master link, scripts). */
    public ClientConnection newFakeClient() {
        ClientConnection c = new ClientConnection(0, null, io.netty.buffer.UnpooledByteBufAllocator.DEFAULT,
                clock.millis(), "", "", false);
        c.authenticated = true;
        return c;
    }

    /** Whether a client that has not authenticated must (the default user has a password or is off). */
    public boolean authRequired() {
        return authRequired.getAsBoolean();
    }

    /** A new or RESET client runs as the default user, authenticated if that user needs no password. */
    public void setDefaultAuth(ClientConnection c) {
        defaultAuth.accept(c);
    }

    /** Installs the ACL subsystem's notion of the default user (clientSetDefaultAuth, authRequired). */
    public void authPolicy(Consumer<ClientConnection> defaultAuth, java.util.function.BooleanSupplier required) {
        this.defaultAuth = defaultAuth;
        this.authRequired = required;
    }

    public Map<Long, ClientConnection> clients() {
        return clients;
    }

    public void onDisconnect(Consumer<ClientConnection> listener) {
        disconnectListeners.add(listener);
    }

    void removeClient(ClientConnection c) {
        if (c.closed) return;
        c.closed = true;
        clients.remove(c.id);
        if (c.has(ClientConnection.MONITOR)) monitors.remove(c);
        blocking.disconnected(c);
        for (Consumer<ClientConnection> l : disconnectListeners) l.accept(c);
        c.out.release();
    }

    /** Closes a client's connection after what was already queued for it is written. */
    public void closeClient(ClientConnection c) {
        if (c.channel == null) return;
        if (replyBarrier != null && replyBarrier.hold()) replyBarrier.release();
        flush(c);
        c.channel.close();
        removeClient(c);
    }

    /** Marks a client whose buffer got a reply outside its own read (a wake-up, a message). */
    public void markPendingFlush(ClientConnection c) {
        if (!c.pendingFlush && c.channel != null) {
            c.pendingFlush = true;
            pendingFlush.add(c);
        }
    }

    /** Runs {@code r} before each flush of pending replies (Redis' beforeSleep: tracking broadcasts). */
    public void beforeSleep(Runnable r) {
        beforeSleep.add(r);
    }

    /** Flushes pending clients from a task that runs once the event loop has read every ready channel. */
    public void flushPendingSoon(java.util.concurrent.Executor loop) {
        if (pendingFlush.isEmpty() && beforeSleep.isEmpty()) return;
        if (flushQueued) return;
        flushQueued = true;
        loop.execute(flushPendingTask);
    }

    private boolean flushQueued;
    private final Runnable flushPendingTask = () -> {
        flushQueued = false;
        flushPending();
    };

    /** Writes and flushes every client marked pending. */
    public void flushPending() {
        if (replyBarrier != null && replyBarrier.hold()) return; // the barrier flushes them once the AOF is written
        for (int i = 0; i < beforeSleep.size(); i++) beforeSleep.get(i).run();
        for (int i = 0; i < pendingFlush.size(); i++) {
            ClientConnection c = pendingFlush.get(i);
            c.pendingFlush = false;
            flush(c);
        }
        pendingFlush.clear();
        outputLimits.closePending();
        if (clientEviction.enabled()) clientEviction.evict();
    }

    public void flush(ClientConnection c) {
        if (c.channel == null || c.closed) {
            c.out.resetTo(0);
            return;
        }
        if (replyBarrier != null && replyBarrier.hold()) {
            markPendingFlush(c);
            return;
        }
        if ((c.flags & ClientConnection.CLOSE_ASAP) != 0) return; // over its output limit: closing
        if (c.out.pending() > c.replyPeak) c.replyPeak = c.out.pending();
        io.netty.buffer.ByteBuf b = c.out.take();
        boolean close = (c.flags & ClientConnection.CLOSE_AFTER_REPLY) != 0;
        if (b != null) {
            stats.netOutputBytes += b.readableBytes();
            if (close) {
                c.channel.writeAndFlush(b).addListener(io.netty.channel.ChannelFutureListener.CLOSE);
                removeClient(c);
                return;
            }
            c.channel.writeAndFlush(b, c.channel.voidPromise());
            outputLimits.check(c);
            clientEviction.update(c);
        } else if (close) {
            c.channel.close();
            removeClient(c);
        }
    }

    // ---- expiry ----

    private void onExpired(Database db, KeyEntry e) {
        stats.expiredKeys++;
        dispatcher.keyExpired(db, e.key());
    }

    /** Runs the active expiry cycle (from cron); false while disabled. */
    void activeExpireCycle() {
        // a paused server keeps its dataset static: no expiry, no eviction (as Redis)
        if (!activeExpireEnabled || isReplica() || dispatcher.paused() || dispatcher.busy()) return;
        long t0 = System.nanoTime();
        activeExpiry.run(dbs, Math.max(1, config.getInt("hz")), config.getInt("active-expire-effort"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        stats.expireCycleCpuMillis += ms;
        latency.addIfNeeded(config.getLong("latency-monitor-threshold"), "expire-cycle", ms, clock.millis() / 1000);
        if (propagator.hasPending()) {
            propagator.noTransaction(); // each DEL on its own, as Redis' propagate_no_multi
            propagator.flush();
        }
        dispatcher.afterCommand();
    }

    public boolean isReplica() {
        return !replicaof.value().isEmpty();
    }

    /** Replaces all databases (FLUSHALL builds fresh ones; a full sync swaps in the loaded set). */
    public void replaceDatabases(Database[] fresh) {
        this.dbs = fresh;
        io.cinnabar.command.ClientSideCaching t = tracking();
        if (t != null) t.flushed(); // emptyData / swapMainDbWithTempDb: cached keys are all stale
    }

    public Database newDatabase(int id) {
        Database db = new Database(id, clock, this::onExpired);
        db.versions(snapshotVersions);
        db.accessTracking(accessTracking);
        db.expiryPaused(() -> dispatcher != null && dispatcher.pauseInEffect());
        db.loading(() -> loading || (dispatcher != null && dispatcher.applyingMasterStream()));
        db.onAdd(this::onAdded);
        return db;
    }

    /** dbAdd's "new" keyspace event, for live databases only (not a replica's sync loading aside). */
    private void onAdded(Database db, byte[] key) {
        io.cinnabar.command.KeyspaceNotifier n = notifications();
        if (n != null && n.enabled(io.cinnabar.command.KeyEvent.NEW) && dbs[db.id()] == db) {
            n.notify(io.cinnabar.command.KeyEvent.NEW, "new", key, db.id());
        }
    }

    private void configureAccessTracking() {
        accessTracking.configure(config.get("maxmemory-policy").contains("lfu"), config.getInt("lfu-log-factor"),
                config.getInt("lfu-decay-time"));
    }

    public void setShutdownHook(Runnable r) {
        this.shutdownHook = r;
    }

    public void shutdown() {
        shutdownHook.run();
    }

    /** How SHUTDOWN stops this server: exit the process (Main) or close the embedded server. */
    public void setStopAction(Runnable r) {
        this.stopAction = r;
    }

    /** Stops the server after SHUTDOWN (runs the stop action, which must not block the event loop). */
    public void stop() {
        stopAction.run();
    }
}
