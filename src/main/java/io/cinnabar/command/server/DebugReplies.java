package io.cinnabar.command.server;

import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.server.Server;
import io.cinnabar.store.Database;
import io.cinnabar.store.KeyEntry;
import io.cinnabar.store.MutableString;
import io.cinnabar.store.TypedValue;
import io.cinnabar.util.Numbers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The longer DEBUG subcommands: PROTOCOL, OBJECT, POPULATE, DIGEST, HELP. */
final class DebugReplies {
    private DebugReplies() {}

    static void protocol(Ctx ctx, String type) {
        RespOut out = ctx.out();
        switch (type.toLowerCase(java.util.Locale.ROOT)) {
            case "string": out.bulk("Hello World"); break;
            case "integer": out.integer(12345); break;
            case "double": out.doubleValue(3.141); break;
            case "bignum": out.bigNumber("1234567999999999999999999999999999999"); break;
            case "null": out.nullBulk(); break;
            case "array":
                out.arrayHeader(3);
                for (int j = 0; j < 3; j++) out.integer(j);
                break;
            case "set":
                out.setHeader(3);
                for (int j = 0; j < 3; j++) out.integer(j);
                break;
            case "map":
                out.mapHeader(3);
                for (int j = 0; j < 3; j++) {
                    out.integer(j);
                    out.bool(j == 1);
                }
                break;
            case "attrib":
                if (out.resp3()) {
                    out.raw("|1\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.bulk("key-popularity");
                    out.arrayHeader(2);
                    out.bulk("key:123");
                    out.integer(90);
                }
                out.bulk("Some real reply following the attribute");
                break;
            case "push":
                if (!out.resp3()) throw Errors.err("RESP2 is not supported by this command");
                out.pushHeader(2);
                out.bulk("server-cpu-usage");
                out.integer(42);
                out.bulk("Some real reply following the push reply");
                break;
            case "true": out.bool(true); break;
            case "false": out.bool(false); break;
            case "verbatim": out.verbatim("This is a verbatim\nstring"); break;
            default:
                throw Errors.err("Wrong protocol type name. Please use one of the following: "
                        + "string|integer|double|bignum|null|array|set|map|attrib|push|verbatim|true|false");
        }
    }

    static void object(Ctx ctx, byte[] key) {
        KeyEntry e = ctx.db().raw(key); // dictFind, as Redis: an expired key still there is shown
        if (e == null) throw Errors.NO_SUCH_KEY;
        Object v = e.value();
        String enc;
        long len;
        if (v instanceof TypedValue t) {
            enc = t.encoding();
            len = t.size();
        } else {
            byte[] b = v instanceof MutableString m ? m.toBytes() : (byte[]) v;
            len = b.length;
            enc = b.length <= 20 && isLong(b) ? "int" : b.length <= 44 ? "embstr" : "raw";
        }
        ctx.out().simple("Value at:0x" + Integer.toHexString(System.identityHashCode(v)) + " refcount:1 encoding:"
                + enc + " serializedlength:" + len + " lru:" + e.lru() + " lru_seconds_idle:"
                + ctx.db().idleSeconds(e));
    }

    private static boolean isLong(byte[] b) {
        try {
            Numbers.parseLong(b, Errors.NOT_INTEGER);
            return true;
        } catch (RuntimeException ex) {
            return false;
        }
    }

    /** DEBUG POPULATE count [prefix] [size]: key:N → value:N (padded with zeros to size); existing keys kept. */
    static void populate(Ctx ctx, Argv argv) {
        long count = argv.longArg(2);
        if (count < 0) throw Errors.err("count must be positive");
        String prefix = argv.size() > 3 ? argv.str(3) : "key";
        long size = argv.size() > 4 ? argv.longArg(4) : -1;
        Database db = ctx.db();
        for (long j = 0; j < count; j++) {
            byte[] key = (prefix + ":" + j).getBytes(StandardCharsets.UTF_8);
            if (db.peek(key) != null) continue;
            byte[] val = ("value:" + j).getBytes(StandardCharsets.UTF_8);
            if (size >= 0) val = java.util.Arrays.copyOf(val, (int) size);
            db.add(key, val);
        }
        ctx.dirty(count);
        ctx.out().ok();
    }

    /** DEBUG DIGEST: Redis' computeDatasetDigest, see {@link DatasetDigest}. */
    static String digest(Server s) {
        return DatasetDigest.hex(new DatasetDigest().dataset(s.dbs()));
    }

    static String digestValue(Ctx ctx, byte[] key) {
        return DatasetDigest.hex(new DatasetDigest().value(ctx.db().peek(key)));
    }

    static void help(Ctx ctx) {
        Help.reply(ctx, "debug",
                "DIGEST",
                "    Output a hex signature representing the current DB content.",
                "DIGEST-VALUE <key> [<key> ...]",
                "    Output a hex signature of the values of all the specified keys.",
                "ERROR <string>",
                "    Return a Redis protocol error with <string> as message. Useful for clients",
                "    unit tests to simulate Redis errors.",
                "LOG <message>",
                "    Write <message> to the server log.",
                "OBJECT <key>",
                "    Show low level info about the ziplist encoding of <key>.",
                "PAUSE-CRON <0|1>",
                "    Stop periodic cron job processing.",
                "POPULATE <count> [<prefix>] [<size>]",
                "    Create <count> string keys named key:<num>. If <prefix> is specified then",
                "    it is used instead of the 'key' prefix. These are not propagated to",
                "    replicas. Cluster slots are not respected so keys not belonging to the",
                "    current node can be created in cluster mode.",
                "PROTOCOL <type>",
                "    Reply with a test value of the specified type. <type> can be: string,",
                "    integer, double, bignum, null, array, set, map, attrib, push, verbatim,",
                "    true, false.",
                "SET-ACTIVE-EXPIRE <0|1>",
                "    Setting it to 0 disables expiring keys in background when they are not",
                "    accessed (otherwise the Redis behavior). Setting it to 1 reenables back the",
                "    default.",
                "SLEEP <seconds>",
                "    Stop the server for <seconds>. Decimals allowed.");
    }

    /** DEBUG RELOAD [NOSAVE] [NOFLUSH]: save the RDB, then load it back in place of the keyspace. */
    static void reload(Ctx ctx, io.cinnabar.resp.Argv argv) {
        boolean save = true;
        boolean flush = true;
        boolean merge = false;
        for (int i = 2; i < argv.size(); i++) {
            if (argv.is(i, "nosave")) save = false;
            else if (argv.is(i, "noflush")) flush = false;
            else if (argv.is(i, "merge")) merge = true;
            else throw io.cinnabar.error.Errors.SYNTAX;
        }
        io.cinnabar.persistence.Persistence p = ctx.server().persistence();
        // NOFLUSH keeps the current libraries: the file's are added to them (MERGE: the file's win)
        io.cinnabar.persistence.FunctionLibraries functions = io.cinnabar.persistence.FunctionLibraries.of(ctx.server());
        java.util.List<byte[]> kept = flush || functions == null ? java.util.List.of() : functions.libraryCodes();
        try {
            if (save) p.save();
            p.reload();
        } catch (java.io.IOException e) {
            throw io.cinnabar.error.Errors.err("Error trying to load the RDB dump, check server logs.");
        }
        if (!kept.isEmpty() && functions.addLibraries(kept, merge) != null) {
            throw io.cinnabar.error.Errors.err("Error trying to load the RDB dump, check server logs.");
        }
        ctx.out().ok();
    }
}
