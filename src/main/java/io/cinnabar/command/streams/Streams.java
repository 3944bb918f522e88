package io.cinnabar.command.streams;

import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeyEvent;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.RespOut;
import io.cinnabar.store.StreamId;
import io.cinnabar.store.StreamIterator;
import io.cinnabar.store.StreamValue;
import io.cinnabar.store.ValueType;
import java.nio.charset.StandardCharsets;

/** Shared pieces of the stream commands: ID parsing, entry replies, events and error texts. */
final class Streams {
    private Streams() {}

    static final RedisError INVALID_ID = Errors.err("Invalid stream ID specified as stream command argument");
    static final RedisError INVALID_START = Errors.err("invalid start ID for the interval");
    static final RedisError INVALID_END = Errors.err("invalid end ID for the interval");

    static final KeyEvent XADD = new KeyEvent("xadd", KeyEvent.STREAM);
    static final KeyEvent XTRIM = new KeyEvent("xtrim", KeyEvent.STREAM);
    static final KeyEvent XDEL = new KeyEvent("xdel", KeyEvent.STREAM);
    static final KeyEvent XSETID = new KeyEvent("xsetid", KeyEvent.STREAM);
    static final KeyEvent XGROUP_CREATE = new KeyEvent("xgroup-create", KeyEvent.STREAM);
    static final KeyEvent XGROUP_SETID = new KeyEvent("xgroup-setid", KeyEvent.STREAM);
    static final KeyEvent XGROUP_DESTROY = new KeyEvent("xgroup-destroy", KeyEvent.STREAM);
    static final KeyEvent XGROUP_CREATECONSUMER = new KeyEvent("xgroup-createconsumer", KeyEvent.STREAM);
    static final KeyEvent XGROUP_DELCONSUMER = new KeyEvent("xgroup-delconsumer", KeyEvent.STREAM);

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** The stream at key, null if missing, WRONGTYPE otherwise. */
    static StreamValue lookup(Ctx ctx, byte[] key) {
        return ctx.db().get(key, ValueType.STREAM);
    }

    private static final long U64_MAX_DIV_10 = Long.divideUnsigned(-1L, 10);

    /** Redis' string2ull for one ID part: digits only (leading zeros allowed), at most 2^64-1; -2 style never. */
    private static boolean parseU64(byte[] b, int from, int to, long[] out, int slot) {
        if (from >= to) return false;
        long v = 0;
        for (int i = from; i < to; i++) {
            int c = b[i] - '0';
            if (c < 0 || c > 9) return false;
            if (Long.compareUnsigned(v, U64_MAX_DIV_10) > 0) return false;
            long lo = v * 10;
            long sum = lo + c;
            if (Long.compareUnsigned(sum, lo) < 0) return false;
            v = sum;
        }
        out[slot] = v;
        return true;
    }

    /**
     * streamGenericParseIDOrReply: "-" and "+" (unless strict), "ms" (seq = missingSeq) or "ms-seq".
     * When {@code seqGiven} is non-null, "ms-*" is accepted and seqGiven[0] tells which form it was.
     */
    static StreamId parseId(byte[] b, long missingSeq, boolean strict, boolean[] seqGiven) {
        if (b.length > 127) throw INVALID_ID;
        if (b.length == 1 && (b[0] == '-' || b[0] == '+')) {
            if (strict) throw INVALID_ID;
            return b[0] == '-' ? StreamId.ZERO : StreamId.MAX;
        }
        if (seqGiven != null) seqGiven[0] = true;
        int dash = -1;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '-') {
                dash = i;
                break;
            }
        }
        long[] v = new long[2];
        if (!parseU64(b, 0, dash < 0 ? b.length : dash, v, 0)) throw INVALID_ID;
        if (dash < 0) return new StreamId(v[0], missingSeq);
        if (seqGiven != null && b.length - dash - 1 == 1 && b[dash + 1] == '*') {
            seqGiven[0] = false;
            return new StreamId(v[0], 0);
        }
        if (!parseU64(b, dash + 1, b.length, v, 1)) throw INVALID_ID;
        return new StreamId(v[0], v[1]);
    }

    static StreamId parseStrict(byte[] b) {
        return parseId(b, 0, true, null);
    }

    /** A range start: "(" makes it exclusive (strict parsing), then the successor is returned. */
    static StreamId parseRangeStart(byte[] b) {
        if (b.length > 1 && b[0] == '(') {
            StreamId id = parseId(java.util.Arrays.copyOfRange(b, 1, b.length), 0, true, null).next();
            if (id == null) throw INVALID_START;
            return id;
        }
        return parseId(b, 0, false, null);
    }

    static StreamId parseRangeEnd(byte[] b) {
        if (b.length > 1 && b[0] == '(') {
            StreamId id = parseId(java.util.Arrays.copyOfRange(b, 1, b.length), -1L, true, null).prev();
            if (id == null) throw INVALID_END;
            return id;
        }
        return parseId(b, -1L, false, null);
    }

    static void id(RespOut out, StreamId id) {
        out.bulk(id.toBytes());
    }

    static void id(RespOut out, long ms, long seq) {
        out.bulk(ascii(Long.toUnsignedString(ms) + "-" + Long.toUnsignedString(seq)));
    }

    /** One entry as [id, [f1, v1, ...]]. */
    static void entry(RespOut out, StreamIterator it) {
        out.arrayHeader(2);
        id(out, it.ms, it.seq);
        int n = it.fields() * 2;
        out.arrayHeader(n);
        byte[] d = it.data();
        for (int i = 0; i < n; i++) out.bulk(d, it.offset(i), it.length(i));
    }

    /** Writes the entries of [start, end] (count 0: all) as an array; returns how many. */
    static int range(RespOut out, StreamValue s, StreamId start, StreamId end, long count, boolean rev) {
        int token = out.deferred();
        int n = 0;
        StreamIterator it = s.iterator(start, end, rev);
        while (it.next()) {
            entry(out, it);
            n++;
            if (count != 0 && n == count) break;
        }
        out.setDeferredArray(token, n);
        return n;
    }

    /** Writes the single entry id (no array around it); false if it does not exist. */
    static boolean single(RespOut out, StreamValue s, StreamId id) {
        StreamIterator it = s.iterator(id, id, false);
        if (!it.next()) return false;
        entry(out, it);
        return true;
    }

    /** Redis' addReplyHelp: the header line, the lines, and HELP's own two lines, as status replies. */
    static void help(RespOut out, String container, String... lines) {
        out.arrayHeader(lines.length + 3);
        out.simple(container + " <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
        for (String l : lines) out.simple(l);
        out.simple("HELP");
        out.simple("    Prints this help.");
    }
}
