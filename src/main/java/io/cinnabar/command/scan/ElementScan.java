package io.cinnabar.command.scan;

import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.util.Glob;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * HSCAN/SSCAN/ZSCAN's common part (Redis' parseScanCursorOrReply and scanGenericCommand for a
 * value): the cursor, the COUNT and MATCH options, and the reply {@code [cursor, [elements]]}.
 */
public final class ElementScan {
    private static final RedisError INVALID_CURSOR = Errors.err("invalid cursor");

    /** COUNT (default 10). */
    public long count = 10;
    /** MATCH pattern, null when absent or "*". */
    public byte[] pattern;

    private ElementScan() {}

    /** strtoul-like: optional sign (a negative cursor wraps), decimal digits, no overflow. */
    public static long parseCursor(byte[] b) {
        int i = 0;
        boolean neg = false;
        if (b.length > 0 && (b[0] == '+' || b[0] == '-')) {
            neg = b[0] == '-';
            i = 1;
        }
        if (i >= b.length) throw INVALID_CURSOR;
        for (int j = i; j < b.length; j++) if (b[j] < '0' || b[j] > '9') throw INVALID_CURSOR;
        long v;
        try {
            v = Long.parseUnsignedLong(new String(b, i, b.length - i, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            throw INVALID_CURSOR;
        }
        return neg ? -v : v;
    }

    /** Parses [MATCH pattern] [COUNT count] from argv[from..]; TYPE is not allowed for a value. */
    public static ElementScan parse(Argv argv, int from) {
        ElementScan s = new ElementScan();
        for (int i = from; i < argv.size(); i += 2) {
            boolean more = i + 1 < argv.size();
            if (more && argv.is(i, "count")) {
                s.count = argv.longArg(i + 1);
                if (s.count < 1) throw Errors.SYNTAX;
            } else if (more && argv.is(i, "match")) {
                byte[] p = argv.get(i + 1);
                s.pattern = p.length == 1 && p[0] == '*' ? null : p;
            } else {
                throw Errors.SYNTAX;
            }
        }
        return s;
    }

    public boolean matches(byte[] element) {
        return pattern == null || Glob.match(pattern, element, false);
    }

    /** The reply for a missing key: cursor 0, no elements. */
    public static void replyEmpty(RespOut out) {
        out.arrayHeader(2);
        out.bulk(ZERO);
        out.emptyArray();
    }

    private static final byte[] ZERO = {'0'};

    /**
     * Writes {@code [cursor, [elements]]}; with {@code pairs}, elements are field/value (or
     * member/score) pairs and MATCH applies to the first of each pair.
     */
    public void reply(RespOut out, long cursor, List<byte[]> elements, boolean pairs) {
        List<byte[]> kept = elements;
        if (pattern != null) {
            kept = new ArrayList<>(elements.size());
            int step = pairs ? 2 : 1;
            for (int i = 0; i < elements.size(); i += step) {
                if (!matches(elements.get(i))) continue;
                kept.add(elements.get(i));
                if (pairs) kept.add(elements.get(i + 1));
            }
        }
        out.arrayHeader(2);
        out.bulk(Long.toUnsignedString(cursor).getBytes(StandardCharsets.US_ASCII));
        out.arrayHeader(kept.size());
        for (byte[] e : kept) out.bulk(e);
    }
}
