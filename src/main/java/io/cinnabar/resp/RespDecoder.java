package io.cinnabar.resp;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;

/**
 * Request decoder: RESP multibulk ({@code *N\r\n$len\r\narg\r\n...}) and inline commands, parsed
 * straight from the connection's cumulated buffer into a reused {@link Argv}.
 * <p>
 * Mirrors Redis' processMultibulkBuffer/processInlineBuffer, including their error texts and the
 * limits that trigger them. The decoder keeps its position across calls, so a command split at any
 * byte is resumed where it stopped. Arguments of {@link #BIG_ARG} bytes or more are copied into
 * their final array as they arrive, so the cumulation buffer never holds a huge argument twice.
 */
public final class RespDecoder {
    /** PROTO_INLINE_MAX_SIZE: the longest line (inline request or length header) accepted. */
    public static final int INLINE_MAX = 64 * 1024;
    /** PROTO_MBULK_BIG_ARG. */
    static final int BIG_ARG = 32 * 1024;

    private long maxBulkLen = 512L * 1024 * 1024;
    private int multibulkLen; // arguments still to read; 0 = at the start of a request
    private long bulkLen = -1; // length of the argument being read; -1 = header not read yet
    private byte[] bigArg; // a large argument being filled across reads
    private int bigArgPos;
    /** Bytes of the arguments already decoded for the request in progress (Redis' argv_len_sum). */
    private long argBytes;
    /**
     * The previous request's command name: a pipeline repeats it, so an equal name reuses this
     * array instead of allocating one per request (arguments are never mutated in place).
     */
    private byte[] lastName;

    public void maxBulkLen(long max) {
        this.maxBulkLen = max;
    }

    /** True while a request is partially decoded (CLIENT LIST's qbuf, querybuf limit). */
    public boolean inProgress() {
        return multibulkLen > 0;
    }

    /** Bytes a partially decoded request holds: its decoded arguments and a large one being filled. */
    public long partialRequestBytes() {
        return multibulkLen > 0 ? argBytes + pendingArgBytes() : 0;
    }

    /** Bytes of the arguments already decoded for a request still in progress (CLIENT LIST argv-mem). */
    public long partialArgvBytes() {
        return multibulkLen > 0 ? argBytes : 0;
    }

    /** The size of a large argument being filled (allocated in full when its length was read), else 0. */
    public int pendingArgCapacity() {
        return bigArg == null ? 0 : bigArg.length;
    }

    /** Bytes held in a large argument being filled (counts toward the query buffer). */
    public int pendingArgBytes() {
        return bigArg == null ? 0 : bigArgPos;
    }

    /**
     * Decodes at most one request from {@code in} into {@code argv}.
     *
     * @param authRequired whether the client still has to authenticate (tighter limits, as Redis)
     * @return true when argv holds a whole request (possibly empty: skip it); false when more
     *     bytes are needed
     * @throws ProtocolError on malformed input; the connection must be closed after replying
     */
    public boolean decode(ByteBuf in, Argv argv, boolean authRequired) {
        if (multibulkLen == 0) {
            if (!in.isReadable()) return false;
            if (in.getByte(in.readerIndex()) != '*') return decodeInline(in, argv);
            int lineEnd = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\r');
            if (lineEnd < 0) {
                if (in.readableBytes() > INLINE_MAX) throw new ProtocolError("too big mbulk count string");
                return false;
            }
            if (lineEnd + 1 >= in.writerIndex()) return false; // need the \n too
            long n = parseLength(in, in.readerIndex() + 1, lineEnd);
            if (n == Long.MIN_VALUE || n > Integer.MAX_VALUE) throw new ProtocolError("invalid multibulk length");
            if (n > 10 && authRequired) throw new ProtocolError("unauthenticated multibulk length");
            in.readerIndex(lineEnd + 2);
            argv.clear();
            if (n <= 0) return true;
            multibulkLen = (int) n;
            argBytes = 0;
            argv.ensureCapacity((int) Math.min(n, 1024));
        }
        while (multibulkLen > 0) {
            if (bulkLen == -1) {
                int start = in.readerIndex();
                int lineEnd = in.indexOf(start, in.writerIndex(), (byte) '\r');
                if (lineEnd < 0) {
                    if (in.readableBytes() > INLINE_MAX) throw new ProtocolError("too big bulk count string");
                    return false;
                }
                if (lineEnd + 1 >= in.writerIndex()) return false;
                byte first = in.getByte(start);
                if (first != '$') {
                    throw new ProtocolError("expected '$', got '" + (char) (first & 0xff) + "'");
                }
                long len = parseLength(in, start + 1, lineEnd);
                if (len == Long.MIN_VALUE || len < 0 || len > maxBulkLen) throw new ProtocolError("invalid bulk length");
                if (len > 16384 && authRequired) throw new ProtocolError("unauthenticated bulk length");
                in.readerIndex(lineEnd + 2);
                bulkLen = len;
                if (len >= BIG_ARG) {
                    bigArg = new byte[(int) len];
                    bigArgPos = 0;
                }
            }
            if (bigArg != null) {
                int want = bigArg.length - bigArgPos;
                int n = Math.min(want, in.readableBytes());
                in.readBytes(bigArg, bigArgPos, n);
                bigArgPos += n;
                if (bigArgPos < bigArg.length || in.readableBytes() < 2) return false;
                in.skipBytes(2);
                argv.add(bigArg);
                bigArg = null;
            } else {
                if (in.readableBytes() < bulkLen + 2) return false;
                byte[] arg;
                if (argv.size() == 0 && sameBytes(in, lastName, (int) bulkLen)) {
                    arg = lastName;
                    in.skipBytes(arg.length);
                } else {
                    arg = new byte[(int) bulkLen];
                    in.readBytes(arg);
                    if (argv.size() == 0 && arg.length <= 32) lastName = arg;
                }
                in.skipBytes(2);
                argv.add(arg);
            }
            argBytes += bulkLen;
            bulkLen = -1;
            multibulkLen--;
        }
        return true;
    }

    private static boolean sameBytes(ByteBuf in, byte[] b, int len) {
        if (b == null || b.length != len) return false;
        int at = in.readerIndex();
        for (int i = 0; i < len; i++) {
            if (in.getByte(at + i) != b[i]) return false;
        }
        return true;
    }

    /**
     * Parses a length between {@code from} (inclusive) and {@code to} (exclusive) as Redis'
     * string2ll does: optional '-', digits, no leading zeros or '+'. Returns Long.MIN_VALUE if invalid.
     */
    private static long parseLength(ByteBuf in, int from, int to) {
        int len = to - from;
        if (len == 0 || len > 20) return Long.MIN_VALUE;
        int i = from;
        boolean neg = false;
        if (in.getByte(i) == '-') {
            neg = true;
            i++;
            if (i == to) return Long.MIN_VALUE;
        }
        if (len == 1 && in.getByte(from) == '0') return 0;
        if (in.getByte(i) == '0') return Long.MIN_VALUE;
        long v = 0;
        for (; i < to; i++) {
            int d = in.getByte(i) - '0';
            if (d < 0 || d > 9) return Long.MIN_VALUE;
            if (v > (Long.MAX_VALUE - d) / 10) return Long.MIN_VALUE;
            v = v * 10 + d;
        }
        return neg ? -v : v;
    }

    private static final ByteProcessor FIND_LF = new ByteProcessor.IndexOfProcessor((byte) '\n');

    private boolean decodeInline(ByteBuf in, Argv argv) {
        int start = in.readerIndex();
        int lf = in.forEachByte(start, in.readableBytes(), FIND_LF);
        if (lf < 0) {
            if (in.readableBytes() > INLINE_MAX) throw new ProtocolError("too big inline request");
            return false;
        }
        int end = lf;
        if (end > start && in.getByte(end - 1) == '\r') end--;
        byte[] line = new byte[end - start];
        in.getBytes(start, line);
        argv.clear();
        if (!InlineSplitter.split(line, argv)) {
            throw new ProtocolError("unbalanced quotes in request");
        }
        in.readerIndex(lf + 1);
        return true;
    }
}
