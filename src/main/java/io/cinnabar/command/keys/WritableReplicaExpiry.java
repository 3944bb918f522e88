package io.cinnabar.command.keys;

import io.cinnabar.command.CallListener;
import io.cinnabar.command.CommandEntry;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.ClientConnection;
import io.cinnabar.server.Server;
import io.cinnabar.store.Database;
import io.cinnabar.store.KeyEntry;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Keys given a TTL by the replica's own clients when replica-read-only is off (Redis'
 * rememberSlaveKeyWithExpire / expireSlaveKeys): the master knows nothing of them and will never
 * send their DEL, so the replica's cron deletes them once expired. Keys written by the master
 * are left alone, as on any replica. Only writes of non-master clients on a replica are looked at.
 */
public final class WritableReplicaExpiry implements CallListener {
    private final Server server;
    /** Per db, the remembered keys (few: only what clients wrote on a writable replica). */
    private final List<Set<ByteBuffer>> keys = new ArrayList<>();
    private final int[] positions = new int[64];

    private WritableReplicaExpiry(Server server) {
        this.server = server;
    }

    public static void install(Server server, io.cinnabar.server.Cron cron) {
        WritableReplicaExpiry w = new WritableReplicaExpiry(server);
        server.dispatcher().addListener(w);
        cron.addTask(w::cron);
    }

    @Override public void called(ClientConnection c, CommandEntry e, Argv argv, long micros) {
        if (!e.spec().isWrite() || c.has(ClientConnection.MASTER) || !server.isReplica()
                || server.config().getBool("replica-read-only")) return;
        Database db = server.db(c.db);
        for (KeySpec ks : e.spec().keys()) {
            int n = ks.positions(argv, positions, 0);
            for (int i = 0; i < n && i < positions.length; i++) {
                byte[] key = argv.get(positions[i]);
                KeyEntry k = db.raw(key);
                if (k != null && k.hasExpire()) remember(db.id(), key);
            }
        }
    }

    private void remember(int db, byte[] key) {
        while (keys.size() <= db) keys.add(null);
        Set<ByteBuffer> s = keys.get(db);
        if (s == null) keys.set(db, s = new HashSet<>());
        s.add(ByteBuffer.wrap(key));
    }

    /** expireSlaveKeys: deletes the remembered keys that expired; forgets those gone or made persistent. */
    void cron() {
        if (keys.isEmpty()) return;
        if (!server.isReplica()) {
            keys.clear();
            return;
        }
        if (!server.activeExpireEnabled || server.dispatcher().paused()) return;
        long now = server.clock().millis();
        for (int id = 0; id < keys.size() && id < server.dbCount(); id++) {
            Set<ByteBuffer> s = keys.get(id);
            if (s == null) continue;
            Database db = server.db(id);
            for (Iterator<ByteBuffer> it = s.iterator(); it.hasNext(); ) {
                KeyEntry k = db.raw(it.next().array());
                if (k == null || !k.hasExpire()) {
                    it.remove();
                } else if (now > k.expireAt()) {
                    db.deleteExpired(k);
                    it.remove();
                }
            }
        }
        server.dispatcher().afterCommand();
    }
}
