package io.cinnabar.persistence.rdb;

import io.cinnabar.store.Database;
import io.cinnabar.store.KeyEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * Writes a whole keyspace as an RDB file (rdbSaveRio): header, AUX fields, then per non-empty
 * database SELECTDB, RESIZEDB and each key with its expiry, then EOF and the CRC64.
 * Runs on the owner thread (it reads live values) and blocks it: SAVE, DEBUG RELOAD, SHUTDOWN.
 * Background saves use {@code persistence.snapshot.SnapshotJob}, which serves commands meanwhile.
 */
public final class RdbSnapshot {
    private RdbSnapshot() {}

    public static void write(OutputStream os, Database[] dbs, Map<String, String> aux, boolean compress,
            boolean checksum) throws IOException {
        write(os, dbs, aux, java.util.List.of(), compress, checksum);
    }

    /** As above, with the function libraries' code after the AUX fields (rdbSaveFunctions). */
    public static void write(OutputStream os, Database[] dbs, Map<String, String> aux,
            java.util.List<byte[]> functions, boolean compress, boolean checksum) throws IOException {
        RdbWriter w = new RdbWriter(os, compress);
        header(w, aux, functions);
        for (Database db : dbs) {
            if (db.size() == 0) continue;
            selectDb(w, db.id());
            resizeDb(w, db.size(), db.expiresSize());
            IOException[] failure = new IOException[1];
            db.keys().forEach(e -> {
                if (failure[0] != null) return;
                try {
                    writeKey(w, e);
                } catch (IOException ex) {
                    failure[0] = ex;
                }
            });
            if (failure[0] != null) throw failure[0];
        }
        w.finish(checksum);
    }

    /** The magic with the version, then the AUX fields. */
    public static void header(RdbWriter w, Map<String, String> aux) throws IOException {
        header(w, aux, java.util.List.of());
    }

    /** The magic, the AUX fields, then each function library as RDB_OPCODE_FUNCTION2 and its code. */
    public static void header(RdbWriter w, Map<String, String> aux, java.util.List<byte[]> functions)
            throws IOException {
        w.header();
        for (Map.Entry<String, String> e : aux.entrySet()) w.aux(e.getKey(), e.getValue());
        for (byte[] code : functions) {
            w.writeByte(RdbWriter.OPCODE_FUNCTION2);
            w.string(code);
        }
    }

    public static void selectDb(RdbWriter w, int id) throws IOException {
        w.writeByte(RdbWriter.OPCODE_SELECTDB);
        w.length(id);
    }

    /** RESIZEDB: a sizing hint for the loader (keys, keys with a TTL). */
    public static void resizeDb(RdbWriter w, long keys, long expires) throws IOException {
        w.writeByte(RdbWriter.OPCODE_RESIZEDB);
        w.length(keys);
        w.length(expires);
    }

    /** One key: its expiry (if any), type, name and value. */
    public static void writeKey(RdbWriter w, KeyEntry e) throws IOException {
        if (e.hasExpire()) {
            w.writeByte(RdbWriter.OPCODE_EXPIRETIME_MS);
            w.millis(e.expireAt());
        }
        RdbTypeCodec codec = RdbCodecs.forValue(e.value());
        w.writeByte(codec.rdbType(e.value()));
        w.string(e.key());
        codec.writePayload(w, e.value());
    }
}
