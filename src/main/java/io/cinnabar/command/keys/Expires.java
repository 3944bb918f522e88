package io.cinnabar.command.keys;

import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeyEvent;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.Database;
import io.cinnabar.store.KeyEntry;
import io.cinnabar.util.Numbers;
import java.nio.charset.StandardCharsets;

/** EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT and TTL, PTTL, EXPIRETIME, PEXPIRETIME (Redis' expire.c). */
final class Expires {
    private Expires() {}

    private static final int NX = 1, XX = 2, GT = 4, LT = 8;
    private static final RedisError NX_CONFLICT =
            Errors.err("NX and XX, GT or LT options at the same time are not compatible");
    private static final RedisError GT_LT_CONFLICT = Errors.err("GT and LT options at the same time are not compatible");
    private static final byte[] PEXPIREAT = "PEXPIREAT".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DEL = "DEL".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UNLINK = "UNLINK".getBytes(StandardCharsets.US_ASCII);

    /**
     * expireGenericCommand. {@code relative}: the time is added to now; {@code seconds}: it is
     * in seconds. Options are checked before the number, as Redis does. A time already past on a
     * master deletes the key (propagated as DEL, or UNLINK under lazyfree-lazy-expire); otherwise
     * the TTL is propagated as PEXPIREAT with the absolute time and the same options.
     */
    static void expire(Ctx ctx, Argv argv, boolean relative, boolean seconds) {
        int flags = parseFlags(argv);
        long when = Numbers.parseLong(argv.get(2), Errors.NOT_INTEGER);
        String name = ctx.command().spec().name();
        if (seconds) {
            if (when > Long.MAX_VALUE / 1000 || when < Long.MIN_VALUE / 1000) throw Errors.invalidExpireTime(name);
            when *= 1000;
        }
        long base = relative ? ctx.now() : 0;
        if (when > Long.MAX_VALUE - base) throw Errors.invalidExpireTime(name);
        when += base;
        byte[] key = argv.get(1);
        Database db = ctx.db();
        KeyEntry e = db.lookup(key);
        if (e == null || !flagsAllow(flags, e.hasExpire() ? e.expireAt() : -1, when)) {
            ctx.out().integer(0);
            return;
        }
        if (when <= ctx.now() && !ctx.server().isReplica() && !ctx.server().loading) {
            db.removeEntry(e);
            boolean lazy = ctx.server().config().getBool("lazyfree-lazy-expire");
            ctx.propagateAs(lazy ? UNLINK : DEL, key);
            ctx.modified(key, KeyEvent.DEL);
        } else {
            db.setExpire(e, when);
            if (relative || seconds) {
                byte[][] p = argv.toArray();
                p[0] = PEXPIREAT;
                p[2] = Numbers.longToBytes(when);
                ctx.propagateAs(p);
            }
            ctx.modified(key, KeyEvent.EXPIRE);
        }
        ctx.out().integer(1);
    }

    private static int parseFlags(Argv argv) {
        int flags = 0;
        for (int j = 3; j < argv.size(); j++) {
            if (argv.is(j, "nx")) flags |= NX;
            else if (argv.is(j, "xx")) flags |= XX;
            else if (argv.is(j, "gt")) flags |= GT;
            else if (argv.is(j, "lt")) flags |= LT;
            else throw Errors.err("Unsupported option " + argv.str(j));
        }
        if ((flags & NX) != 0 && (flags & (XX | GT | LT)) != 0) throw NX_CONFLICT;
        if ((flags & (GT | LT)) == (GT | LT)) throw GT_LT_CONFLICT;
        return flags;
    }

    /** The NX/XX/GT/LT conditions; a key without TTL (current -1) counts as an infinite TTL. */
    private static boolean flagsAllow(int flags, long current, long when) {
        if ((flags & NX) != 0 && current != -1) return false;
        if ((flags & XX) != 0 && current == -1) return false;
        if ((flags & GT) != 0 && (when <= current || current == -1)) return false;
        return (flags & LT) == 0 || current == -1 || when < current;
    }

    /** ttlGenericCommand: -2 missing, -1 no TTL; seconds are rounded to the nearest. */
    static void ttl(Ctx ctx, Argv argv, boolean millis, boolean absolute) {
        KeyEntry e = ctx.db().peek(argv.get(1));
        if (e == null) {
            ctx.out().integer(-2);
            return;
        }
        if (!e.hasExpire()) {
            ctx.out().integer(-1);
            return;
        }
        long ttl = absolute ? e.expireAt() : e.expireAt() - ctx.now();
        if (ttl < 0) ttl = 0;
        // unsigned, as the C compiler happens to do it: an expiry near LLONG_MAX still rounds up
        ctx.out().integer(millis ? ttl : Long.divideUnsigned(ttl + 500, 1000));
    }
}
