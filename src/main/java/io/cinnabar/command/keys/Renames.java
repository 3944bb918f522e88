package io.cinnabar.command.keys;

import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeyEvent;
import io.cinnabar.error.Errors;
import io.cinnabar.store.Database;
import io.cinnabar.store.KeyEntry;
import java.util.Arrays;

/** RENAME and RENAMENX (Redis' renameGenericCommand). */
final class Renames {
    private Renames() {}

    /**
     * Renames src to dst, carrying value, TTL and access time; an existing dst is overwritten
     * (RENAME) or left alone (RENAMENX, replies 0). Same names: nothing happens, but a missing
     * key is still an error.
     */
    static void rename(Ctx ctx, byte[] src, byte[] dst, boolean nx) {
        Database db = ctx.db();
        KeyEntry e = db.lookup(src);
        if (e == null) throw Errors.NO_SUCH_KEY;
        if (Arrays.equals(src, dst)) {
            reply(ctx, nx, false);
            return;
        }
        KeyEntry target = db.lookup(dst);
        if (target != null) {
            if (nx) {
                reply(ctx, true, false);
                return;
            }
            db.removeEntry(target);
        }
        long expireAt = e.expireAt();
        db.removeEntry(e);
        KeyEntry moved = db.add(dst, e.value());
        moved.lru(e.lru());
        if (expireAt != 0) db.setExpire(moved, expireAt);
        int id = ctx.dbIndex();
        ctx.signalModified(id, src);
        ctx.signalModified(id, dst);
        ctx.notify(KeyEvent.RENAME_FROM, src, id);
        ctx.notify(KeyEvent.RENAME_TO, dst, id);
        ctx.dirty(1);
        reply(ctx, nx, true);
    }

    private static void reply(Ctx ctx, boolean nx, boolean renamed) {
        if (nx) ctx.out().integer(renamed ? 1 : 0);
        else ctx.out().ok();
    }

    private static final io.cinnabar.error.RedisError INT_RANGE =
            Errors.err("value is out of range, value must between -2147483648 and 2147483647");

    /** A db index argument (getIntFromObjectOrReply + selectDb's range check). */
    static int dbIndex(Ctx ctx, byte[] arg) {
        long id = io.cinnabar.util.Numbers.parseLong(arg, Errors.NOT_INTEGER);
        if (id < Integer.MIN_VALUE || id > Integer.MAX_VALUE) throw INT_RANGE;
        if (id < 0 || id >= ctx.server().dbCount()) throw Errors.DB_INDEX_OUT_OF_RANGE;
        return (int) id;
    }
}
