package io.cinnabar.command.keys;

import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.util.Glob;
import io.cinnabar.util.Numbers;
import java.nio.charset.StandardCharsets;

/**
 * The cursor, the {@code MATCH}/{@code COUNT}/{@code TYPE} options and the reply shape shared by
 * SCAN, HSCAN, SSCAN and ZSCAN (Redis' parseScanCursorOrReply and scanGenericCommand).
 * <p>
 * Usage: parse the cursor first ({@link #parseCursor}: its error comes before any other), look
 * the key up (a missing key replies {@link #replyEmpty} without looking at the options, as
 * Redis), then {@link #parseOptions}. Iterate with {@code Dict.scan} while
 * {@code cursor != 0 && maxIterations-- > 0 && collected < count()}, counting every visited
 * element toward COUNT, and keep those that {@link #matches}. Reply with {@link #replyHeader}
 * then the elements (for hashes and sorted sets MATCH applies to the field or member only; both
 * the field and its value are replied). A small listpack/intset value replies everything at once
 * with cursor 0.
 * <p>
 * Cursors are unsigned 64-bit values carried in a {@code long}.
 */
public final class ScanArgs {
    public static final RedisError INVALID_CURSOR = new RedisError("ERR invalid cursor");
    public static final int DEFAULT_COUNT = 10;
    private static final long MAX_DIV_10 = Long.divideUnsigned(-1L, 10);
    private static final long MAX_MOD_10 = Long.remainderUnsigned(-1L, 10);

    private final long count;
    private final byte[] pattern;
    private final byte[] type;

    private ScanArgs(long count, byte[] pattern, byte[] type) {
        this.count = count;
        this.pattern = pattern;
        this.type = type;
    }

    /** COUNT, 10 by default, always at least 1. */
    public long count() {
        return count;
    }

    /** How many {@code Dict.scan} steps one call may take: COUNT * 10, like Redis' maxiterations. */
    public long maxIterations() {
        return count > Long.MAX_VALUE / 10 ? Long.MAX_VALUE : count * 10;
    }

    /** The MATCH pattern, or null when absent or {@code *} (matches everything). */
    public byte[] pattern() {
        return pattern;
    }

    /** The TYPE name as given (SCAN only; compared case-insensitively), or null. */
    public byte[] type() {
        return type;
    }

    /** True when the element (a key, a field, a member) passes MATCH. */
    public boolean matches(byte[] element) {
        return pattern == null || Glob.match(pattern, element, false);
    }

    /** True when TYPE is absent or names {@code typeName} ("none" for a key that vanished), ignoring case. */
    public boolean typeMatches(String typeName) {
        return type == null || new String(type, StandardCharsets.UTF_8).equalsIgnoreCase(typeName);
    }

    /**
     * Parses a cursor as C's strtoul does for Redis: decimal, an optional sign (a negative value
     * wraps around), no leading space, nothing after the digits, at most 2^64-1; an empty string
     * is cursor 0. Anything else is {@code ERR invalid cursor}.
     */
    public static long parseCursor(byte[] s) {
        int n = s.length;
        for (int i = 0; i < n; i++) {
            if (s[i] == 0) { // C string semantics: an embedded NUL ends the text
                n = i;
                break;
            }
        }
        if (n == 0) return 0;
        int i = 0;
        byte c0 = s[0];
        if (c0 == ' ' || (c0 >= '\t' && c0 <= '\r')) throw INVALID_CURSOR;
        boolean negative = false;
        if (c0 == '+' || c0 == '-') {
            negative = c0 == '-';
            i++;
        }
        if (i == n) throw INVALID_CURSOR;
        long v = 0;
        for (; i < n; i++) {
            int d = s[i] - '0';
            if (d < 0 || d > 9) throw INVALID_CURSOR;
            if (Long.compareUnsigned(v, MAX_DIV_10) > 0 || (v == MAX_DIV_10 && d > MAX_MOD_10)) throw INVALID_CURSOR;
            v = v * 10 + d;
        }
        return negative ? -v : v;
    }

    /**
     * Parses {@code [MATCH pattern] [COUNT count] [TYPE type]} from {@code from} to the end;
     * TYPE only when {@code allowType} (SCAN). A COUNT below 1 or an unknown word is a syntax error.
     */
    public static ScanArgs parseOptions(Argv argv, int from, boolean allowType) {
        long count = DEFAULT_COUNT;
        byte[] pattern = null;
        byte[] type = null;
        for (int i = from; i < argv.size(); i += 2) {
            boolean hasValue = i + 1 < argv.size();
            if (hasValue && argv.is(i, "count")) {
                count = Numbers.parseLong(argv.get(i + 1), Errors.NOT_INTEGER);
                if (count < 1) throw Errors.SYNTAX;
            } else if (hasValue && argv.is(i, "match")) {
                pattern = Glob.matchesAll(argv.get(i + 1)) ? null : argv.get(i + 1);
            } else if (hasValue && allowType && argv.is(i, "type")) {
                type = argv.get(i + 1);
            } else {
                throw Errors.SYNTAX;
            }
        }
        return new ScanArgs(count, pattern, type);
    }

    /** The cursor as the reply writes it: unsigned decimal. */
    public static byte[] cursorBytes(long cursor) {
        return cursor >= 0 ? Numbers.longToBytes(cursor)
                : Long.toUnsignedString(cursor).getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes {@code *2, cursor, *elements}; the caller then writes the elements' bulks. */
    public static void replyHeader(RespOut out, long cursor, long elements) {
        out.arrayHeader(2);
        out.bulk(cursorBytes(cursor));
        out.arrayHeader(elements);
    }

    /** The reply for a missing key (Redis' shared.emptyscan): cursor 0 and no elements. */
    public static void replyEmpty(RespOut out) {
        replyHeader(out, 0, 0);
    }
}
