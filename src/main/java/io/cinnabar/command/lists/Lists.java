package io.cinnabar.command.lists;

import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeyEvent;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.store.Database;
import io.cinnabar.store.ListValue;
import io.cinnabar.store.ValueType;
import java.nio.charset.StandardCharsets;

/** What the list commands share: lookups, the pop epilogue, range replies, LEFT/RIGHT, event names. */
final class Lists {
    private Lists() {}

    static final KeyEvent LPUSH = new KeyEvent("lpush", KeyEvent.LIST);
    static final KeyEvent RPUSH = new KeyEvent("rpush", KeyEvent.LIST);
    static final KeyEvent LPOP = new KeyEvent("lpop", KeyEvent.LIST);
    static final KeyEvent RPOP = new KeyEvent("rpop", KeyEvent.LIST);
    static final KeyEvent LINSERT = new KeyEvent("linsert", KeyEvent.LIST);
    static final KeyEvent LSET = new KeyEvent("lset", KeyEvent.LIST);
    static final KeyEvent LREM = new KeyEvent("lrem", KeyEvent.LIST);
    static final KeyEvent LTRIM = new KeyEvent("ltrim", KeyEvent.LIST);

    static final byte[] LPOP_CMD = bytes("LPOP");
    static final byte[] RPOP_CMD = bytes("RPOP");
    static final byte[] LMOVE_CMD = bytes("LMOVE");
    static final byte[] RPOPLPUSH_CMD = bytes("RPOPLPUSH");
    static final byte[] LEFT = bytes("LEFT");
    static final byte[] RIGHT = bytes("RIGHT");

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** The list at key, null if missing; WRONGTYPE otherwise. */
    static ListValue get(Ctx ctx, byte[] key) {
        return ctx.db().get(key, ValueType.LIST);
    }

    /** LEFT (true) or RIGHT (false); syntax error otherwise. */
    static boolean isLeft(Argv argv, int i) {
        if (argv.is(i, "left")) return true;
        if (argv.is(i, "right")) return false;
        throw Errors.SYNTAX;
    }

    /** Pushes onto the list at key, creating it; notifies and signals. Returns the list. */
    static ListValue pushCreate(Ctx ctx, byte[] key, ListValue list, byte[] value, boolean head) {
        if (list == null) {
            list = new ListValue();
            ctx.db().add(key, list);
        }
        if (head) list.pushHead(value);
        else list.pushTail(value);
        ctx.modified(key, head ? LPUSH : RPUSH);
        return list;
    }

    /**
     * Redis' listElementsRemoved: the pop notification, deletion (and "del") when the list is now
     * empty, the modified signal and {@code count} dirty.
     */
    static void removed(Ctx ctx, byte[] key, ListValue list, boolean head, long count) {
        Database db = ctx.db();
        ctx.notify(head ? LPOP : RPOP, key, ctx.dbIndex());
        if (list.isEmpty()) {
            db.delete(key);
            ctx.notify(KeyEvent.DEL, key, ctx.dbIndex());
        }
        ctx.signalModified(ctx.dbIndex(), key);
        ctx.dirty(count);
    }

    /** After an in-place edit that may have emptied the list: delete it and notify "del". */
    static void deleteIfEmpty(Ctx ctx, byte[] key, ListValue list) {
        if (list.isEmpty()) {
            ctx.db().delete(key);
            ctx.notify(KeyEvent.DEL, key, ctx.dbIndex());
        }
    }

    /** Pops up to {@code count} elements from one end, writing them as an array in pop order. */
    static long popRange(RespOut out, ListValue list, boolean head, long count) {
        long n = Math.min(count, list.size());
        out.arrayHeader(n);
        for (long i = 0; i < n; i++) out.bulk(head ? list.popHead() : list.popTail());
        return n;
    }

    /** addListRangeReply: [start, end] with negative indexes, clamped. */
    static void rangeReply(RespOut out, ListValue list, long start, long end) {
        long len = list.size();
        if (start < 0) start = len + start;
        if (end < 0) end = len + end;
        if (start < 0) start = 0;
        if (start > end || start >= len) {
            out.emptyArray();
            return;
        }
        if (end >= len) end = len - 1;
        out.arrayHeader(end - start + 1);
        for (long i = start; i <= end; i++) out.bulk(list.get((int) i));
    }

    /**
     * The serving part of blockingPopGenericCommand / mpopGenericCommand: pops from the first
     * non-empty list among {@code keys} (the key that became ready first, when a blocked client is
     * being served, as Redis 7.0 serves the ready key). {@code count} < 0: one element, replied as
     * [key, element] and propagated as LPOP/RPOP key; otherwise [key, [elements]] and LPOP/RPOP key n.
     * False when every list is empty (nothing written).
     */
    static boolean tryPop(Ctx ctx, byte[][] keys, boolean head, long count) {
        byte[] served = ctx.servedKey();
        if (served != null) {
            for (byte[] k : keys) {
                if (java.util.Arrays.equals(k, served)) {
                    if (popFrom(ctx, k, head, count)) return true;
                    break;
                }
            }
        }
        for (byte[] k : keys) {
            if (popFrom(ctx, k, head, count)) return true;
        }
        return false;
    }

    private static boolean popFrom(Ctx ctx, byte[] key, boolean head, long count) {
        ListValue list = get(ctx, key);
        if (list == null || list.isEmpty()) return false;
        RespOut out = ctx.out();
        out.arrayHeader(2);
        out.bulk(key);
        if (count < 0) {
            out.bulk(head ? list.popHead() : list.popTail());
            removed(ctx, key, list, head, 1);
            ctx.propagateAs(head ? LPOP_CMD : RPOP_CMD, key);
        } else {
            long n = popRange(out, list, head, count);
            removed(ctx, key, list, head, n);
            ctx.propagateAs(head ? LPOP_CMD : RPOP_CMD, key, io.cinnabar.util.Numbers.longToBytes(n));
        }
        return true;
    }

    /**
     * lmoveGenericCommand: pops from {@code src} and pushes to {@code dst}, replying the element;
     * null reply when src is missing. Events in Redis' order (push on dst, then pop on src).
     */
    static void move(Ctx ctx, byte[] src, byte[] dst, boolean fromHead, boolean toHead) {
        ListValue s = get(ctx, src);
        if (s == null || s.isEmpty()) {
            ctx.out().nullBulk();
            return;
        }
        ListValue d = get(ctx, dst);
        byte[] v = fromHead ? s.popHead() : s.popTail();
        pushCreate(ctx, dst, d, v, toHead); // its modified() is the one dirty of the move
        ctx.out().bulk(v);
        ctx.notify(fromHead ? LPOP : RPOP, src, ctx.dbIndex());
        ListValue now = get(ctx, src);
        if (now != null && now.isEmpty()) {
            ctx.db().delete(src);
            ctx.notify(KeyEvent.DEL, src, ctx.dbIndex());
        }
        ctx.signalModified(ctx.dbIndex(), src);
    }
}
