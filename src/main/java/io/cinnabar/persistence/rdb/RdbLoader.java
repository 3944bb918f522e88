package io.cinnabar.persistence.rdb;

import io.cinnabar.store.Database;
import io.cinnabar.store.KeyEntry;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Reads an RDB file (versions 1 to 10, as Redis 7.0 does) into fresh databases. Keys already
 * expired are skipped when loading as a master, kept on a replica. A corrupt or truncated file is
 * refused as a whole with the offset where reading failed; nothing is half-loaded.
 */
public final class RdbLoader {
    /** What was read besides the keys. */
    public static final class Result {
        public final Map<String, String> aux = new LinkedHashMap<>();
        /** The function libraries' code (RDB_OPCODE_FUNCTION2), to load on the owner thread. */
        public final java.util.List<byte[]> functions = new java.util.ArrayList<>();
        public long keys;
        public long expiredSkipped;
    }

    /** RDB_OPCODE_FUNCTION: 7.0 release candidates' library record (name, engine, description, code). */
    private static final int OPCODE_FUNCTION_PRE_GA = 246;

    private RdbLoader() {}

    /**
     * @param dbs        target databases (normally fresh, empty ones)
     * @param now        current time, to skip expired keys
     * @param keepExpired true on a replica (the master will send the DELs)
     */
    public static Result load(InputStream is, Database[] dbs, long now, boolean keepExpired, RdbLoadOptions options)
            throws IOException {
        RdbReader in = new RdbReader(is);
        byte[] magic = in.readBytes(9);
        String m = new String(magic, StandardCharsets.US_ASCII);
        if (!m.startsWith("REDIS")) throw new RdbFormatException("Wrong signature trying to load DB from file");
        int version;
        try {
            version = Integer.parseInt(m.substring(5));
        } catch (NumberFormatException e) {
            throw new RdbFormatException("Wrong signature trying to load DB from file");
        }
        if (version < 1 || version > RdbWriter.VERSION) {
            throw new RdbFormatException("Can't handle RDB format version " + version);
        }
        Result result = new Result();
        Database db = dbs[0];
        long expireAt = -1;
        while (true) {
            int type = in.readByte();
            switch (type) {
                case RdbWriter.OPCODE_EXPIRETIME:
                    expireAt = in.int32le() * 1000L;
                    continue;
                case RdbWriter.OPCODE_EXPIRETIME_MS:
                    expireAt = in.millis();
                    continue;
                case RdbWriter.OPCODE_FREQ:
                    in.readByte();
                    continue;
                case RdbWriter.OPCODE_IDLE:
                    in.length();
                    continue;
                case RdbWriter.OPCODE_EOF:
                    if (version >= 5) {
                        long expected = in.crc();
                        long stored = in.storedChecksum();
                        if (stored != 0 && stored != expected) {
                            throw new RdbFormatException("Wrong RDB checksum expected: (" + Long.toHexString(stored)
                                    + ") got: (" + Long.toHexString(expected) + "). Aborting now. RDB CRC error");
                        }
                    }
                    return result;
                case RdbWriter.OPCODE_SELECTDB: {
                    long id = in.length();
                    if (id >= dbs.length) {
                        throw new RdbFormatException("FATAL: Data file was created with a Redis server configured to "
                                + "handle more than " + dbs.length + " databases. Exiting");
                    }
                    db = dbs[(int) id];
                    continue;
                }
                case RdbWriter.OPCODE_RESIZEDB:
                    in.length();
                    in.length();
                    continue;
                case RdbWriter.OPCODE_AUX: {
                    String k = new String(in.string(), StandardCharsets.UTF_8);
                    String v = new String(in.string(), StandardCharsets.UTF_8);
                    result.aux.put(k, v);
                    continue;
                }
                case RdbWriter.OPCODE_MODULE_AUX:
                    throw new RdbFormatException("module data in RDB is not supported");
                case RdbWriter.OPCODE_FUNCTION2:
                    result.functions.add(in.string());
                    continue;
                case OPCODE_FUNCTION_PRE_GA: { // rdbFunctionLoad turns it into the 7.0 GA payload
                    String name = new String(in.string(), StandardCharsets.ISO_8859_1);
                    String engine = new String(in.string(), StandardCharsets.ISO_8859_1);
                    if (in.length() != 0) in.string();
                    byte[] blob = in.string();
                    byte[] head = ("#!" + engine + " name=" + name + "\n").getBytes(StandardCharsets.ISO_8859_1);
                    byte[] code = java.util.Arrays.copyOf(head, head.length + blob.length);
                    System.arraycopy(blob, 0, code, head.length, blob.length);
                    result.functions.add(code);
                    continue;
                }
                default:
                    break;
            }
            RdbTypeCodec codec = RdbCodecs.forType(type);
            if (codec == null) throw new RdbFormatException("Unknown RDB encoding type " + type + " at offset " + in.offset());
            byte[] key = in.string();
            Object value = codec.read(in, type, options);
            long exp = expireAt;
            expireAt = -1;
            if (value == null) continue; // an empty collection: Redis skips it too
            if (exp != -1 && exp <= now && !keepExpired) {
                result.expiredSkipped++;
                continue;
            }
            if (db.raw(key) != null) throw new RdbFormatException("duplicate key in RDB");
            KeyEntry e = db.add(key, value);
            if (exp != -1) db.setExpire(e, exp);
            result.keys++;
            options.keyLoaded();
        }
    }

    /** Convenience for tests: fresh databases. */
    public static Database[] fresh(int n, IntFunction<Database> factory) {
        Database[] dbs = new Database[n];
        for (int i = 0; i < n; i++) dbs[i] = factory.apply(i);
        return dbs;
    }

    static boolean isEof(IOException e) {
        return e instanceof EOFException;
    }
}
