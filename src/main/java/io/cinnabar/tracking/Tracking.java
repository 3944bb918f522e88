package io.cinnabar.tracking;

import io.cinnabar.command.ClientSideCaching;
import io.cinnabar.command.CommandEntry;
import io.cinnabar.command.CommandFlag;
import io.cinnabar.command.CommandIntrospection;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.server.ClientConnection;
import io.cinnabar.server.Server;
import io.cinnabar.store.Dict;
import io.cinnabar.store.DictEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Client-side caching, as Redis' tracking.c: the tracking table (key → ids of the clients that
 * may cache it, shared by all dbs), the BCAST prefix table, and the invalidation messages: a RESP3
 * push {@code >2 invalidate [keys]} to the client, or to its REDIRECT target (as a pub/sub message on
 * {@code __redis__:invalidate} when that one is a RESP2 subscriber). A flush sends a null instead of
 * keys. An invalidation for the client whose command is running goes out after that command's reply
 * (after EXEC's, after the script's); BCAST invalidations go out before the replies are flushed.
 * Created when a client first enables tracking (Redis' TrackingTable), never removed.
 */
public final class Tracking implements ClientSideCaching {
    /** A tracked key and the clients that read it. */
    static final class TrackedKey extends DictEntry {
        final IdSet ids = new IdSet();

        TrackedKey(byte[] key) {
            super(key, Dict.hash(key));
        }
    }

    private static final byte[] INVALIDATE = RespOut.bytes("$10\r\ninvalidate\r\n");
    private static final byte[] REDIR_BROKEN = RespOut.bytes("$21\r\ntracking-redir-broken\r\n");
    private static final byte[] INVALIDATE_MESSAGE = RespOut.bytes("$7\r\nmessage\r\n$20\r\n__redis__:invalidate\r\n");
    private static final byte[] NULL2 = RespOut.bytes("$-1\r\n");
    private static final byte[] NULL3 = RespOut.bytes("_\r\n");
    private static final int MODES = ClientConnection.TRACKING | ClientConnection.TRACKING_BROKEN_REDIR
            | ClientConnection.TRACKING_BCAST | ClientConnection.TRACKING_OPTIN | ClientConnection.TRACKING_OPTOUT
            | ClientConnection.TRACKING_CACHING | ClientConnection.TRACKING_NOLOOP;

    private final Server server;
    private Dict<TrackedKey> table = new Dict<>();
    private long totalItems;
    private final PrefixTable prefixes = new PrefixTable();
    private int trackingClients;
    /** Invalidations held back until the running command replied: target client, key (null: flush). */
    private final List<Object> pending = new ArrayList<>();
    /** trackingLimitUsedSlots' timeout_counter: raises the effort while the table stays too big. */
    private int limitRounds;
    private int[] keyPos = new int[16];
    private int[] keyFlags = new int[16];

    private Tracking(Server server) {
        this.server = server;
        server.onDisconnect(this::disable);
        server.onReset(this::disable);
        server.beforeSleep(this::broadcast);
        if (server.net() != null) server.net().cron().addTask(this::cron);
    }

    /** The server's tracking state, created on first use. */
    public static Tracking of(Server server) {
        Tracking t = server.tracking();
        if (t == null) {
            t = new Tracking(server);
            server.tracking(t);
        }
        return t;
    }

    // ---- enabling ----

    /** enableTracking: options are ClientConnection.TRACKING_* flags; prefixes only with BCAST. */
    void enable(ClientConnection c, long redirect, int options, byte[][] prefixList) {
        if (!c.has(ClientConnection.TRACKING)) trackingClients++;
        c.flags |= ClientConnection.TRACKING;
        c.flags &= ~(ClientConnection.TRACKING_BROKEN_REDIR | ClientConnection.TRACKING_BCAST
                | ClientConnection.TRACKING_OPTIN | ClientConnection.TRACKING_OPTOUT | ClientConnection.TRACKING_NOLOOP);
        c.trackingRedirect = redirect;
        if ((options & ClientConnection.TRACKING_BCAST) != 0) {
            c.flags |= ClientConnection.TRACKING_BCAST;
            if (prefixList.length == 0) prefixes.subscribe(c, new byte[0]);
            for (byte[] p : prefixList) prefixes.subscribe(c, p);
        }
        c.flags |= options & (ClientConnection.TRACKING_OPTIN | ClientConnection.TRACKING_OPTOUT
                | ClientConnection.TRACKING_NOLOOP);
    }

    /** disableTracking (also on RESET and disconnect). The client's ids stay in the table until their keys change. */
    void disable(ClientConnection c) {
        if (c.has(ClientConnection.TRACKING_BCAST)) prefixes.unsubscribeAll(c);
        if (c.has(ClientConnection.TRACKING)) {
            trackingClients--;
            c.flags &= ~MODES;
        }
    }

    // ---- remembering keys ----

    @Override public void called(Ctx ctx, CommandEntry e, Argv argv, boolean topLevel) {
        ClientConnection c = ctx.client();
        long flags = e.spec().flags();
        if ((flags & CommandFlag.READONLY) != 0 && !isReadOnlyScript(e)) {
            // a script's read remembers the keys the script declared (the caller's command)
            ClientConnection caller = c.has(ClientConnection.LUA) ? server.dispatcher().currentClient() : c;
            if (caller != null && (caller.flags & (ClientConnection.TRACKING | ClientConnection.TRACKING_BCAST))
                    == ClientConnection.TRACKING) {
                if (caller == c) {
                    remember(caller, e, argv);
                } else if (caller.ctx instanceof Ctx cc && cc.command() != null) {
                    remember(caller, cc.command(), cc.argv());
                }
            }
        }
        if (topLevel) {
            if (!pending.isEmpty()) sendPending();
            // resetClient: CLIENT CACHING applies to the next command (or transaction) only
            if (c.has(ClientConnection.TRACKING_CACHING) && !c.has(ClientConnection.MULTI)
                    && !e.spec().fullName().startsWith("client|")) {
                c.flags &= ~ClientConnection.TRACKING_CACHING;
            }
        }
    }

    private static boolean isReadOnlyScript(CommandEntry e) {
        String n = e.spec().name();
        return n.equals("eval_ro") || n.equals("evalsha_ro") || n.equals("fcall_ro");
    }

    /** trackingRememberKeys: c may now cache the keys of this command. */
    private void remember(ClientConnection c, CommandEntry e, Argv argv) {
        boolean optin = c.has(ClientConnection.TRACKING_OPTIN);
        boolean optout = c.has(ClientConnection.TRACKING_OPTOUT);
        boolean caching = c.has(ClientConnection.TRACKING_CACHING);
        if ((optin && !caching) || (optout && caching)) return;
        if (e.spec().has(CommandFlag.PUBSUB)) return; // shard channels are not keys to cache
        if (keyPos.length < argv.size()) {
            keyPos = new int[argv.size()];
            keyFlags = new int[argv.size()];
        }
        int n = CommandIntrospection.keyPositions(e.spec(), argv, keyPos, keyFlags);
        for (int i = 0; i < n; i++) {
            byte[] key = argv.get(keyPos[i]);
            TrackedKey k = table.get(key);
            if (k == null) {
                k = new TrackedKey(key.clone());
                table.add(k);
            }
            if (k.ids.add(c.id())) totalItems++;
        }
    }

    // ---- invalidating ----

    @Override public void keyModified(ClientConnection by, byte[] key) {
        if (!prefixes.isEmpty()) prefixes.keyModified(by, key.clone());
        if (table.size() != 0) invalidate(key);
    }

    /** trackingInvalidateKey without the broadcast part: tells every client that may cache key, and forgets it. */
    private void invalidate(byte[] key) {
        TrackedKey k = table.remove(key);
        if (k == null) return;
        totalItems -= k.ids.size();
        ClientConnection current = server.dispatcher().currentClient();
        for (long id : k.ids.toArray()) {
            ClientConnection target = server.clients().get(id);
            // a client now in BCAST mode gets nothing for keys it read before switching
            if (target == null || (target.flags & (ClientConnection.TRACKING | ClientConnection.TRACKING_BCAST))
                    != ClientConnection.TRACKING) continue;
            if (target == current) {
                if (target.has(ClientConnection.TRACKING_NOLOOP)) continue; // its own change
                pending.add(target); // after the reply of the running command
                pending.add(k.key());
            } else {
                send(target, k.key(), false);
            }
        }
    }

    @Override public void flushed() {
        if (trackingClients > 0) {
            ClientConnection current = server.dispatcher().currentClient();
            for (ClientConnection c : server.clients().values().toArray(new ClientConnection[0])) {
                if (!c.has(ClientConnection.TRACKING)) continue;
                if (c == current) {
                    pending.add(c);
                    pending.add(null);
                } else {
                    send(c, c.out().resp3() ? NULL3 : NULL2, true);
                }
            }
        }
        table = new Dict<>();
        totalItems = 0;
    }

    /** trackingHandlePendingKeyInvalidations. */
    private void sendPending() {
        for (int i = 0; i < pending.size(); i += 2) {
            ClientConnection c = (ClientConnection) pending.get(i);
            byte[] key = (byte[]) pending.get(i + 1);
            if (c.isClosed()) continue;
            if (key != null) send(c, key, false);
            else send(c, c.out().resp3() ? NULL3 : NULL2, true);
        }
        pending.clear();
    }

    /**
     * sendTrackingMessage: the invalidation of {@code key} (or, when {@code proto}, of the keys
     * already encoded there) for tracking client c, to c itself or to its redirection.
     */
    void send(ClientConnection c, byte[] key, boolean proto) {
        ClientConnection to = c;
        if (c.trackingRedirect != 0) {
            to = server.clients().get(c.trackingRedirect);
            if (to == null) {
                c.flags |= ClientConnection.TRACKING_BROKEN_REDIR;
                if (c.out().resp3()) { // RESP2 has no way to tell the client
                    RespOut out = c.out();
                    out.pushHeader(2);
                    out.raw(REDIR_BROKEN);
                    out.integer(c.trackingRedirect);
                    delivered(c);
                }
                return;
            }
        }
        RespOut out = to.out();
        if (to.has(ClientConnection.CLOSE_ASAP)) return;
        if (out.resp3()) {
            out.pushHeader(2);
            out.raw(INVALIDATE);
        } else if (to != c && to.has(ClientConnection.PUBSUB)) {
            out.arrayHeader(3);
            out.raw(INVALIDATE_MESSAGE);
        } else {
            return; // a RESP2 client without redirection cannot receive anything
        }
        if (proto) {
            out.raw(key);
        } else {
            out.arrayHeader(1);
            out.bulk(key);
        }
        delivered(to);
    }

    private void delivered(ClientConnection c) {
        c.out().keepPushes();
        server.markPendingFlush(c);
        server.outputLimits().check(c);
    }

    /** beforeSleep: the BCAST invalidations of this round. */
    private void broadcast() {
        if (trackingClients > 0 && !prefixes.isEmpty()) prefixes.broadcast(this);
    }

    // ---- tracking-table-max-keys ----

    @Override public void beforeCommand() {
        if (trackingClients > 0) limitUsedSlots();
    }

    private void cron() {
        if (trackingClients > 0) limitUsedSlots();
    }

    /**
     * trackingLimitUsedSlots: over tracking-table-max-keys, invalidates random keys as if they had
     * changed, up to 100 per round, more for each round that ended still over the limit.
     */
    private void limitUsedSlots() {
        long max = server.config().getLong("tracking-table-max-keys");
        if (max == 0) return;
        if (table.size() <= max) {
            limitRounds = 0;
            return;
        }
        int effort = 100 * (limitRounds + 1);
        while (effort-- > 0) {
            TrackedKey k = table.random();
            if (k == null) break;
            invalidate(k.key());
            if (table.size() <= max) {
                limitRounds = 0;
                return;
            }
        }
        limitRounds++;
    }

    // ---- INFO ----

    @Override public long totalKeys() {
        return table.size();
    }

    @Override public long totalItems() {
        return totalItems;
    }

    @Override public long totalPrefixes() {
        return prefixes.size();
    }

    PrefixTable prefixTable() {
        return prefixes;
    }
}
