package io.cinnabar.command.transactions;

import io.cinnabar.command.WatchSignal;
import io.cinnabar.server.ClientConnection;
import io.cinnabar.server.Server;
import io.cinnabar.store.Database;
import io.cinnabar.store.Dict;
import io.cinnabar.store.DictEntry;
import io.cinnabar.store.KeyEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * WATCH bookkeeping, as Redis' multi.c: per db, watched key → the watchers; per client
 * ({@code watchState}), the keys it watches. A change to a watched key marks its watchers
 * DIRTY_CAS, so their EXEC answers a null array. A key that was already expired when watched is
 * remembered as such: its deletion is no logical change, but its expiry after WATCH is.
 */
public final class Watches implements WatchSignal {
    /** One client watching one key of one db. */
    static final class Watched {
        final ClientConnection client;
        final int db;
        final byte[] key;
        boolean expired;

        Watched(ClientConnection client, int db, byte[] key, boolean expired) {
            this.client = client;
            this.db = db;
            this.key = key;
            this.expired = expired;
        }
    }

    /** A watched key of a db and its watchers. */
    static final class Watchers extends DictEntry {
        final List<Watched> list = new ArrayList<>(2);

        Watchers(byte[] key) {
            super(key, Dict.hash(key));
        }
    }

    private final Server server;
    private final Dict<Watchers>[] byDb;
    private int watchingClients;

    @SuppressWarnings("unchecked")
    public Watches(Server server) {
        this.server = server;
        this.byDb = new Dict[server.dbCount()];
        for (int i = 0; i < byDb.length; i++) byDb[i] = new Dict<>();
        server.onDisconnect(this::unwatchAll);
    }

    @SuppressWarnings("unchecked")
    private static List<Watched> stateOf(ClientConnection c) {
        return (List<Watched>) c.watchState;
    }

    /** Number of keys the client watches (CLIENT LIST "watch="). */
    public static int watchedCount(ClientConnection c) {
        List<Watched> l = stateOf(c);
        return l == null ? 0 : l.size();
    }

    /** Clients watching at least one key (INFO clients "watching_clients"). */
    public int watchingClients() {
        return watchingClients;
    }

    /** Total watched keys over all dbs (INFO "total_watched_keys"). */
    public long watchedKeys() {
        long n = 0;
        for (Dict<Watchers> d : byDb) n += d.size();
        return n;
    }

    /** watchForKey. */
    void watch(ClientConnection c, int db, byte[] key) {
        List<Watched> mine = stateOf(c);
        if (mine == null) {
            mine = new ArrayList<>(4);
            c.watchState = mine;
        }
        for (Watched w : mine) {
            if (w.db == db && java.util.Arrays.equals(w.key, key)) return;
        }
        if (mine.isEmpty()) watchingClients++;
        Watchers ws = byDb[db].get(key);
        if (ws == null) {
            ws = new Watchers(key);
            byDb[db].add(ws);
        }
        Watched w = new Watched(c, db, key, isExpired(server.db(db), key));
        ws.list.add(w);
        mine.add(w);
    }

    private static boolean isExpired(Database db, byte[] key) {
        KeyEntry e = db.raw(key);
        return e != null && db.isExpired(e);
    }

    @Override public void unwatchAll(ClientConnection c) {
        List<Watched> mine = stateOf(c);
        if (mine == null || mine.isEmpty()) return;
        for (Watched w : mine) {
            Watchers ws = byDb[w.db].get(w.key);
            if (ws == null) continue;
            ws.list.remove(w);
            if (ws.list.isEmpty()) byDb[w.db].remove(w.key);
        }
        mine.clear();
        watchingClients--;
    }

    /** isWatchedKeyExpired: a key that was live when watched and has expired since fails EXEC. */
    boolean watchedKeyExpired(ClientConnection c) {
        List<Watched> mine = stateOf(c);
        if (mine == null) return false;
        for (Watched w : mine) {
            if (!w.expired && isExpired(server.db(w.db), w.key)) return true;
        }
        return false;
    }

    @Override public void touch(int db, byte[] key) {
        Dict<Watchers> d = byDb[db];
        if (d.isEmpty()) return;
        Watchers ws = d.get(key);
        if (ws == null) return;
        for (Watched w : ws.list.toArray(new Watched[0])) {
            if (w.expired) {
                // the key was already expired when watched: its deletion changes nothing logically
                if (server.db(db).raw(key) == null) w.expired = false;
                continue;
            }
            w.client.flags |= ClientConnection.DIRTY_CAS;
            unwatchAll(w.client); // dirty already: no need to hear about further changes
        }
    }

    @Override public void touchAll(int db) {
        if (db < 0) {
            for (int i = 0; i < byDb.length; i++) touchAllIn(i, -1);
        } else {
            touchAllIn(db, -1);
        }
    }

    @Override public void swapped(int db1, int db2) {
        touchAllIn(db1, db2);
        touchAllIn(db2, db1);
    }

    /** touchAllWatchedKeysInDb(emptied, replacedWith): runs before the db is emptied or swapped. */
    private void touchAllIn(int emptied, int replacedWith) {
        Dict<Watchers> d = byDb[emptied];
        if (d.isEmpty()) return;
        Database from = server.db(emptied);
        Database with = replacedWith < 0 ? null : server.db(replacedWith);
        d.forEach(ws -> {
            byte[] key = ws.key();
            boolean inEmptied = from.raw(key) != null;
            KeyEntry other = with == null ? null : with.raw(key);
            if (!inEmptied && other == null) return;
            for (Watched w : ws.list) {
                if (w.expired) {
                    if (other == null) {
                        w.expired = false; // an expired key deleted: no logical change
                        continue;
                    } else if (with.isExpired(other)) {
                        continue; // expired stays expired
                    }
                } else if (!inEmptied && with.isExpired(other)) {
                    w.expired = true; // nothing replaced by an expired key
                    continue;
                }
                w.client.flags |= ClientConnection.DIRTY_CAS;
            }
        });
    }
}
