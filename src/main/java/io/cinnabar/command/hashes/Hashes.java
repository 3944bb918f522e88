package io.cinnabar.command.hashes;

import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeyEvent;
import io.cinnabar.resp.RespOut;
import io.cinnabar.store.Database;
import io.cinnabar.store.HashValue;
import io.cinnabar.store.ValueType;

/** What the hash commands share: lookups, the listpack limits from the config, and the events. */
final class Hashes {
    private Hashes() {}

    static final KeyEvent HSET = new KeyEvent("hset", KeyEvent.HASH);
    static final KeyEvent HDEL = new KeyEvent("hdel", KeyEvent.HASH);
    static final KeyEvent HINCRBY = new KeyEvent("hincrby", KeyEvent.HASH);
    static final KeyEvent HINCRBYFLOAT = new KeyEvent("hincrbyfloat", KeyEvent.HASH);

    /** The hash at key, null if missing; WRONGTYPE if the key holds something else. */
    static HashValue get(Ctx ctx, byte[] key) {
        return ctx.db().get(key, ValueType.HASH);
    }

    /** hashTypeLookupWriteOrCreate: the hash at key, created empty (listpack) if missing. */
    static HashValue getOrCreate(Ctx ctx, byte[] key) {
        Database db = ctx.db();
        HashValue h = db.get(key, ValueType.HASH);
        if (h == null) {
            h = new HashValue();
            db.add(key, h);
        }
        return h;
    }

    static long maxEntries(Ctx ctx) {
        return ctx.server().config().getLong("hash-max-listpack-entries");
    }

    static long maxValue(Ctx ctx) {
        return ctx.server().config().getLong("hash-max-listpack-value");
    }

    /** Deletes the key of a hash that became empty, with its "del" notification. */
    static void deleteIfEmpty(Ctx ctx, byte[] key, HashValue h) {
        if (h.size() == 0) {
            ctx.db().delete(key);
            ctx.notify(KeyEvent.DEL, key, ctx.dbIndex());
        }
    }

    /** One field (and its value when withValues) of HRANDFIELD's reply: nested pairs in RESP3. */
    static void replyField(RespOut out, byte[] field, byte[] value, boolean withValues) {
        if (withValues && out.resp3()) out.arrayHeader(2);
        out.bulk(field);
        if (withValues) out.bulk(value);
    }
}
