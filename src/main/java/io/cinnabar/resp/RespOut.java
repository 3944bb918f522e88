package io.cinnabar.resp;

import io.cinnabar.util.Numbers;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;

/**
 * Writes replies straight into a connection's outbound buffer, in RESP2 or RESP3. This is the only
 * place that knows the two protocols differ: commands call {@link #mapHeader}, {@link #nullBulk},
 * {@link #doubleValue} and so on, and never look at the protocol version.
 * <p>
 * The buffer is taken from the allocator on first use and handed to the channel by {@link #take()}
 * once per read batch.
 */
public final class RespOut {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] OK = bytes("+OK\r\n");
    private static final byte[] NULL_BULK = bytes("$-1\r\n");
    private static final byte[] NULL_ARRAY = bytes("*-1\r\n");
    private static final byte[] NULL3 = bytes("_\r\n");
    private static final byte[] TRUE3 = bytes("#t\r\n");
    private static final byte[] FALSE3 = bytes("#f\r\n");
    private static final byte[] EMPTY_ARRAY = bytes("*0\r\n");
    private static final byte[] EMPTY_BULK = bytes("$0\r\n\r\n");
    private static final int SMALL_INTS = 10_000;
    private static final byte[][] INT_REPLIES = new byte[SMALL_INTS][];
    private static final byte[][] BULK_HEADERS = new byte[SMALL_INTS][];

    static {
        for (int i = 0; i < SMALL_INTS; i++) {
            INT_REPLIES[i] = bytes(":" + i + "\r\n");
            BULK_HEADERS[i] = bytes("$" + i + "\r\n");
        }
    }

    private final ByteBufAllocator alloc;
    private ByteBuf buf;
    private int proto = 2;
    private long errorsWritten;
    private int pushedUpTo;

    public RespOut(ByteBufAllocator alloc) {
        this.alloc = alloc;
    }

    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public int protocol() {
        return proto;
    }

    public void protocol(int version) {
        this.proto = version;
    }

    public boolean resp3() {
        return proto >= 3;
    }

    /** The buffer replies go to, created on demand. */
    public ByteBuf buf() {
        if (buf == null) buf = alloc.ioBuffer(1024);
        return buf;
    }

    /** Bytes written and not yet taken. */
    public int pending() {
        return buf == null ? 0 : buf.readableBytes();
    }

    /** Hands the written bytes to the caller (to write to the channel); null when nothing is pending. */
    public ByteBuf take() {
        ByteBuf b = buf;
        if (b == null || !b.isReadable()) return null;
        buf = null;
        pushedUpTo = 0;
        return b;
    }

    /** The write position, to discard what a command wrote (CLIENT REPLY OFF/SKIP). */
    public int mark() {
        return buf == null ? 0 : buf.writerIndex();
    }

    public void resetTo(int mark) {
        if (buf != null) buf.writerIndex(mark);
        pushedUpTo = 0;
    }

    /**
     * Drops the replies written since {@code mark} (CLIENT REPLY OFF/SKIP) but keeps pushes marked
     * with {@link #keepPushes()}: pub/sub messages and (un)subscribe confirmations are delivered
     * whatever the reply mode, as Redis' CLIENT_PUSHING.
     */
    public void dropRepliesSince(int mark) {
        if (buf != null) buf.writerIndex(Math.max(mark, Math.min(pushedUpTo, buf.writerIndex())));
    }

    /** Everything written so far survives {@link #dropRepliesSince} (call right after a push). */
    public void keepPushes() {
        if (buf != null) pushedUpTo = buf.writerIndex();
    }

    public void release() {
        if (buf != null) {
            buf.release();
            buf = null;
        }
        pushedUpTo = 0;
    }

    public long errorsWritten() {
        return errorsWritten;
    }

    // ---- simple types ----

    public void ok() {
        buf().writeBytes(OK);
    }

    public void raw(byte[] b) {
        buf().writeBytes(b);
    }

    public void simple(String s) {
        ByteBuf b = buf();
        b.writeByte('+');
        b.writeCharSequence(s, StandardCharsets.UTF_8);
        b.writeBytes(CRLF);
    }

    public void simple(byte[] s) {
        ByteBuf b = buf();
        b.writeByte('+');
        b.writeBytes(s);
        b.writeBytes(CRLF);
    }

    /** An error reply; {@code text} is the whole message, e.g. "ERR syntax error". */
    public void error(byte[] text) {
        errorsWritten++;
        ByteBuf b = buf();
        b.writeByte('-');
        b.writeBytes(text);
        b.writeBytes(CRLF);
    }

    public void error(String text) {
        error(text.replace('\r', ' ').replace('\n', ' ').getBytes(StandardCharsets.UTF_8));
    }

    public void integer(long v) {
        if (v >= 0 && v < SMALL_INTS) {
            buf().writeBytes(INT_REPLIES[(int) v]);
            return;
        }
        ByteBuf b = buf();
        b.writeByte(':');
        Numbers.writeLong(b, v);
        b.writeBytes(CRLF);
    }

    public void bool(boolean v) {
        if (proto >= 3) buf().writeBytes(v ? TRUE3 : FALSE3);
        else integer(v ? 1 : 0);
    }

    // ---- strings ----

    public void bulk(byte[] v) {
        if (v == null) {
            nullBulk();
            return;
        }
        bulk(v, 0, v.length);
    }

    public void bulk(byte[] v, int off, int len) {
        ByteBuf b = buf();
        if (len == 0) {
            b.writeBytes(EMPTY_BULK);
            return;
        }
        bulkHeader(b, len);
        b.writeBytes(v, off, len);
        b.writeBytes(CRLF);
    }

    public void bulk(String s) {
        bulk(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A bulk string holding the decimal form of v (e.g. a counter returned as a string). */
    public void bulkLong(long v) {
        bulk(Numbers.longToBytes(v));
    }

    private static void bulkHeader(ByteBuf b, int len) {
        if (len < SMALL_INTS) {
            b.writeBytes(BULK_HEADERS[len]);
        } else {
            b.writeByte('$');
            Numbers.writeLong(b, len);
            b.writeBytes(CRLF);
        }
    }

    /** The null reply for a missing string: $-1 in RESP2, _ in RESP3. */
    public void nullBulk() {
        buf().writeBytes(proto >= 3 ? NULL3 : NULL_BULK);
    }

    /** The null reply for a missing aggregate: *-1 in RESP2, _ in RESP3. */
    public void nullArray() {
        buf().writeBytes(proto >= 3 ? NULL3 : NULL_ARRAY);
    }

    /** Verbatim text (RESP3 '=' with a "txt" format); a bulk string in RESP2. */
    public void verbatim(String text) {
        if (proto < 3) {
            bulk(text);
            return;
        }
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        ByteBuf b = buf();
        b.writeByte('=');
        Numbers.writeLong(b, t.length + 4);
        b.writeBytes(CRLF);
        b.writeBytes(bytes("txt:"));
        b.writeBytes(t);
        b.writeBytes(CRLF);
    }

    /** A double: RESP3 ',' type, a bulk string in RESP2, formatted as Redis' addReplyDouble. */
    public void doubleValue(double d) {
        byte[] text = Numbers.formatDouble(d);
        if (proto >= 3) {
            ByteBuf b = buf();
            b.writeByte(',');
            b.writeBytes(text);
            b.writeBytes(CRLF);
        } else {
            bulk(text);
        }
    }

    /** A double already formatted (addReplyHumanLongDouble): RESP3 ',' type, a bulk string in RESP2. */
    public void doubleText(byte[] text) {
        if (proto >= 3) {
            ByteBuf b = buf();
            b.writeByte(',');
            b.writeBytes(text);
            b.writeBytes(CRLF);
        } else {
            bulk(text);
        }
    }

    /** A big number: RESP3 '(' type, a bulk string in RESP2. */
    public void bigNumber(String digits) {
        if (proto >= 3) {
            ByteBuf b = buf();
            b.writeByte('(');
            b.writeCharSequence(digits, StandardCharsets.US_ASCII);
            b.writeBytes(CRLF);
        } else {
            bulk(digits);
        }
    }

    // ---- aggregates ----

    public void arrayHeader(long n) {
        if (n == 0) {
            buf().writeBytes(EMPTY_ARRAY);
            return;
        }
        header('*', n);
    }

    /** A map of n pairs: '%' in RESP3, an array of 2n in RESP2. */
    public void mapHeader(long n) {
        if (proto >= 3) header('%', n);
        else arrayHeader(n * 2);
    }

    /** A set of n elements: '~' in RESP3, an array in RESP2. */
    public void setHeader(long n) {
        if (proto >= 3) header('~', n);
        else arrayHeader(n);
    }

    /** An out-of-band push of n elements: '>' in RESP3, an array in RESP2 (pub/sub messages). */
    public void pushHeader(long n) {
        if (proto >= 3) header('>', n);
        else arrayHeader(n);
    }

    /**
     * An array of n elements which are [x, y] pairs when {@code pairs}: a flat array of 2n in RESP2,
     * n nested pairs in RESP3, each opened with {@link #pairHeader()} (ZRANGE ... WITHSCORES).
     */
    public void pairArrayHeader(long n, boolean pairs) {
        arrayHeader(pairs && proto < 3 ? n * 2 : n);
    }

    /** Opens one [x, y] pair of a {@link #pairArrayHeader}: "*2" in RESP3, nothing in RESP2 (flat). */
    public void pairHeader() {
        if (proto >= 3) header('*', 2);
    }

    private void header(char type, long n) {
        ByteBuf b = buf();
        b.writeByte(type);
        Numbers.writeLong(b, n);
        b.writeBytes(CRLF);
    }

    public void emptyArray() {
        buf().writeBytes(EMPTY_ARRAY);
    }

    public void bulkArray(byte[]... items) {
        arrayHeader(items.length);
        for (byte[] i : items) bulk(i);
    }

    // ---- deferred lengths (addReplyDeferredLen) ----

    /** Reserves an aggregate header whose length is known only later; returns a token for {@link #setDeferred}. */
    public int deferred() {
        return buf().writerIndex();
    }

    public void setDeferredArray(int token, long n) {
        setDeferred(token, '*', n);
    }

    public void setDeferredMap(int token, long pairs) {
        if (proto >= 3) setDeferred(token, '%', pairs);
        else setDeferred(token, '*', pairs * 2);
    }

    public void setDeferredSet(int token, long n) {
        setDeferred(token, proto >= 3 ? '~' : '*', n);
    }

    private void setDeferred(int token, char type, long n) {
        ByteBuf b = buf();
        int tail = b.writerIndex() - token;
        byte[] moved = new byte[tail];
        b.getBytes(token, moved);
        b.writerIndex(token);
        header(type, n);
        b.writeBytes(moved);
    }
}
