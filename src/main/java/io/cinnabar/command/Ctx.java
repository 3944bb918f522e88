package io.cinnabar.command;

import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.server.ClientConnection;
import io.cinnabar.server.Server;
import io.cinnabar.store.Database;
import io.cinnabar.store.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * What a command sees while it runs: its client, the selected database, the reply writer, and
 * the one way to record a change ({@link #modified}), which bumps the dirty counter, invalidates
 * WATCHes, wakes clients blocked on the key and sends the keyspace notification.
 * One per client, reused for each of its calls.
 */
public final class Ctx {
    final Server server;
    final ClientConnection client;
    CommandEntry command;
    /** Commands to propagate instead of argv (null: argv itself, if the call changed anything). */
    List<byte[][]> propagateAs;
    boolean preventPropagation;
    /** True while running inside EXEC or a script: blocking commands must not block. */
    boolean nested;
    /** The argv of the running command (set by Dispatcher.call). */
    Argv argv;
    /** While a blocked client's command is re-run: the key that became ready. */
    private byte[] servedKey;

    public Ctx(Server server, ClientConnection client) {
        this.server = server;
        this.client = client;
    }

    public Server server() {
        return server;
    }

    public ClientConnection client() {
        return client;
    }

    public RespOut out() {
        return client.out();
    }

    public Database db() {
        return server.db(client.db);
    }

    public int dbIndex() {
        return client.db;
    }

    public CommandEntry command() {
        return command;
    }

    /** Now, in absolute Unix milliseconds, from the server's clock. */
    public long now() {
        return server.clock().millis();
    }

    /** True inside MULTI/EXEC or a script, where blocking commands behave as their non-blocking form. */
    public boolean nested() {
        return nested;
    }

    /** Enters or leaves the nested state (EXEC, scripts); returns the previous one to restore. */
    public boolean nested(boolean on) {
        boolean was = nested;
        nested = on;
        return was;
    }

    /** The argument vector of the running command. */
    public Argv argv() {
        return argv;
    }

    /** False inside MULTI/EXEC, scripts and for fake clients: a blocking command then answers as on timeout. */
    public boolean mayBlock() {
        return !nested && !client.isFake() && !client.has(ClientConnection.MULTI);
    }

    /**
     * Parks the client on {@code keys} (of the current db) until one holds a value of the type of
     * this command's family (list, zset, stream), or until {@code timeoutAt} (absolute ms; 0 = forever).
     * The command writes no reply; it is run again when a key is ready. See {@link io.cinnabar.blocking.Blocking}.
     */
    public void blockOnKeys(byte[][] keys, long timeoutAt) {
        long acl = command.spec().acl();
        ValueType t = (acl & AclCategory.SORTEDSET) != 0 ? ValueType.ZSET
                : (acl & AclCategory.STREAM) != 0 ? ValueType.STREAM : ValueType.LIST;
        blockOnKeys(keys, timeoutAt, t, false);
    }

    /** Like {@link #blockOnKeys(byte[][], long)} with the awaited type, and whether deletion/type change also wakes. */
    public void blockOnKeys(byte[][] keys, long timeoutAt, ValueType type, boolean unblockOnNoKey) {
        server.blocking().blockOnKeys(this, keys, timeoutAt, type, unblockOnNoKey);
    }

    /** Parks the client without keys (WAIT) until {@code w} completes or {@code timeoutAt} (0 = forever). */
    public void blockUntil(long timeoutAt, io.cinnabar.blocking.Blocking.Waiter w) {
        server.blocking().blockUntil(this, timeoutAt, w);
    }

    /** When a blocked command is re-run because a key became ready: that key (null otherwise). */
    public byte[] servedKey() {
        return servedKey;
    }

    /** Sets the served key, returning the previous one (the blocking framework only). */
    public byte[] servedKey(byte[] key) {
        byte[] prev = servedKey;
        servedKey = key;
        return prev;
    }

    /** Records a change of {@code key} in the current db and sends {@code event}'s notification. */
    public void modified(byte[] key, KeyEvent event) {
        modified(client.db, key, event);
    }

    public void modified(int db, byte[] key, KeyEvent event) {
        assert server.db(db).snapshotSafe(key) : "changed a key without Database's snapshot hook";
        server.dirty++;
        signalModified(db, key);
        notify(event, key, db);
    }

    /** signalModifiedKey without a notification or dirty bump (the rare command that needs them apart). */
    public void signalModified(int db, byte[] key) {
        server.db(db).account(key); // the key's size delta into the memory accounting
        WatchSignal w = server.watches();
        if (w != null) w.touch(db, key);
        ClientSideCaching t = server.tracking();
        if (t != null) t.keyModified(client, key);
        server.blocking().signalKeyAsReady(server.db(db), key);
    }

    /** Sends a keyspace notification only. */
    public void notify(KeyEvent event, byte[] key, int db) {
        KeyspaceNotifier n = server.notifications();
        if (n != null && n.enabled(event.type())) n.notify(event.type(), event.name(), key, db);
    }

    /** Adds {@code n} to the dirty counter (a command that changed several things). */
    public void dirty(long n) {
        server.dirty += n;
    }

    /**
     * Propagates {@code argv} instead of the command as called (alsoPropagate). May be called
     * several times; the commands go out in order, wrapped in MULTI/EXEC if more than one.
     */
    public void propagateAs(byte[]... argv) {
        if (propagateAs == null) propagateAs = new ArrayList<>(2);
        propagateAs.add(argv);
    }

    public void propagateAs(Argv argv) {
        propagateAs(argv.toArray());
    }

    /** The call changed nothing worth replaying (or replays itself another way). */
    public void preventPropagation() {
        preventPropagation = true;
    }
}
