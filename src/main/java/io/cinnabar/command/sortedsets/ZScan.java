package io.cinnabar.command.sortedsets;

import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.store.SortedSetValue;
import io.cinnabar.util.Glob;
import io.cinnabar.util.Numbers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** ZSCAN's cursor walk (scanGenericCommand for a sorted set): scores as d2string bulk strings. */
final class ZScan {
    private ZScan() {}

    static final RedisError INVALID_CURSOR = new RedisError("ERR invalid cursor");

    /** parseScanCursorOrReply: strtoul rules, whole string, no leading space. */
    static long parseCursor(byte[] b) {
        if (b.length == 0) return 0;
        if (b[0] == ' ' || (b[0] >= '\t' && b[0] <= '\r')) throw INVALID_CURSOR;
        int i = 0;
        boolean neg = false;
        if (b[0] == '+' || b[0] == '-') {
            neg = b[0] == '-';
            i = 1;
        }
        if (i == b.length) throw INVALID_CURSOR;
        for (int k = i; k < b.length; k++) if (b[k] < '0' || b[k] > '9') throw INVALID_CURSOR;
        try {
            long v = Long.parseUnsignedLong(new String(b, i, b.length - i, StandardCharsets.US_ASCII));
            return neg ? -v : v;
        } catch (NumberFormatException e) {
            throw INVALID_CURSOR;
        }
    }

    static void run(Ctx ctx, Argv argv) {
        long cursor = parseCursor(argv.get(2));
        SortedSetValue z = ZSets.get(ctx, argv.get(1));
        RespOut out = ctx.out();
        if (z == null) {
            out.arrayHeader(2);
            out.bulk("0");
            out.emptyArray();
            return;
        }
        long count = 10;
        byte[] pattern = null;
        for (int i = 3; i < argv.size(); i += 2) {
            int j = argv.size() - i;
            if (argv.is(i, "count") && j >= 2) {
                count = argv.longArg(i + 1);
                if (count < 1) throw Errors.SYNTAX;
            } else if (argv.is(i, "match") && j >= 2) {
                pattern = argv.get(i + 1);
                if (pattern.length == 1 && pattern[0] == '*') pattern = null;
            } else {
                throw Errors.SYNTAX;
            }
        }
        List<byte[]> members = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        SortedSetValue.Visitor collect = (m, s) -> {
            members.add(m);
            scores.add(s);
        };
        if (z.isListpack()) {
            cursor = z.scan(0, collect);
        } else {
            long maxIterations = count * 10;
            do {
                cursor = z.scan(cursor, collect);
            } while (cursor != 0 && maxIterations-- > 0 && members.size() < count);
        }
        int kept = 0;
        boolean[] keep = new boolean[members.size()];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = pattern == null || Glob.match(pattern, members.get(i), false);
            if (keep[i]) kept++;
        }
        out.arrayHeader(2);
        out.bulk(Long.toUnsignedString(cursor));
        out.arrayHeader(kept * 2L);
        for (int i = 0; i < keep.length; i++) {
            if (!keep[i]) continue;
            out.bulk(members.get(i));
            out.bulk(Numbers.d2string(scores.get(i)));
        }
    }
}
