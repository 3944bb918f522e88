package io.cinnabar.command.sets;

import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeyEvent;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.store.SetValue;
import io.cinnabar.store.ValueType;

/** What the set commands share: lookups, the intset limit, events and replies. */
final class Sets {
    private Sets() {}

    static final KeyEvent SADD = new KeyEvent("sadd", KeyEvent.SET);
    static final KeyEvent SREM = new KeyEvent("srem", KeyEvent.SET);
    static final KeyEvent SPOP = new KeyEvent("spop", KeyEvent.SET);
    static final KeyEvent SINTERSTORE = new KeyEvent("sinterstore", KeyEvent.SET);
    static final KeyEvent SUNIONSTORE = new KeyEvent("sunionstore", KeyEvent.SET);
    static final KeyEvent SDIFFSTORE = new KeyEvent("sdiffstore", KeyEvent.SET);

    /** The set at key, null if missing; WRONGTYPE if the key holds something else. */
    static SetValue get(Ctx ctx, byte[] key) {
        return ctx.db().get(key, ValueType.SET);
    }

    static long maxIntset(Ctx ctx) {
        return ctx.server().config().getLong("set-max-intset-entries");
    }

    /** The sets named by argv[from..to), missing keys as null; WRONGTYPE if any key is not a set. */
    static SetValue[] lookupAll(Ctx ctx, Argv argv, int from, int to) {
        SetValue[] sets = new SetValue[to - from];
        for (int i = from; i < to; i++) sets[i - from] = get(ctx, argv.get(i));
        return sets;
    }

    /** Deletes the key of a set that became empty, with its "del" notification. */
    static void deleteIfEmpty(Ctx ctx, byte[] key, SetValue s) {
        if (s.size() == 0) {
            ctx.db().delete(key);
            ctx.notify(KeyEvent.DEL, key, ctx.dbIndex());
        }
    }

    /** Replies with a whole set (a RESP3 set). */
    static void replySet(RespOut out, SetValue s) {
        out.setHeader(s.size());
        s.forEach(out::bulk);
    }

    /**
     * The end of the *STORE commands: stores a non-empty result (overwriting whatever was there,
     * TTL cleared) or deletes the destination, and replies with the cardinality.
     */
    static void store(Ctx ctx, byte[] dst, SetValue result, KeyEvent event) {
        if (result.size() > 0) {
            ctx.db().set(dst, result);
            ctx.modified(dst, event);
            ctx.out().integer(result.size());
        } else {
            ctx.out().integer(0);
            if (ctx.db().delete(dst)) ctx.modified(dst, KeyEvent.DEL);
        }
    }
}
