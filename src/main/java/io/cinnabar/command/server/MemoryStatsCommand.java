package io.cinnabar.command.server;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.server.ClientConnection;
import io.cinnabar.server.Server;
import io.cinnabar.store.Database;

/** {@code MEMORY STATS}: Redis' field names, JVM figures. */
final class MemoryStatsCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("stats", "server").parent("memory").arity(2)
            .tips("nondeterministic_output", "request_policy:all_shards", "response_policy:special")
            .doc("Show memory usage details", "4.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Server s = ctx.server();
        RespOut out = ctx.out();
        long used = InfoSections.usedMemory();
        long keys = 0;
        int dbsWithKeys = 0;
        for (Database db : s.dbs()) {
            keys += db.size();
            if (db.size() > 0) dbsWithKeys++;
        }
        long clients = 0;
        for (ClientConnection c : s.clients().values()) clients += c.outputBytes();
        out.mapHeader(16 + dbsWithKeys);
        kv(out, "peak.allocated", used);
        kv(out, "total.allocated", used);
        kv(out, "startup.allocated", 0);
        kv(out, "replication.backlog", 0);
        kv(out, "clients.slaves", 0);
        kv(out, "clients.normal", clients);
        kv(out, "cluster.links", 0);
        kv(out, "aof.buffer", 0);
        kv(out, "lua.caches", 0);
        kv(out, "functions.caches", 0);
        kv(out, "overhead.total", clients);
        for (Database db : s.dbs()) {
            if (db.size() == 0) continue;
            out.bulk("db." + db.id());
            out.mapHeader(2);
            kv(out, "overhead.hashtable.main", db.size() * 64L);
            kv(out, "overhead.hashtable.expires", db.expiresSize() * 32L);
        }
        kv(out, "keys.count", keys);
        kv(out, "keys.bytes-per-key", keys == 0 ? 0 : used / keys);
        kv(out, "dataset.bytes", used - clients);
        out.bulk("dataset.percentage");
        out.doubleValue(100.0);
        out.bulk("peak.percentage");
        out.doubleValue(100.0);
    }

    private static void kv(RespOut out, String k, long v) {
        out.bulk(k);
        out.integer(v);
    }
}
