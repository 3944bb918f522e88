package io.cinnabar.command.sortedsets;

import io.cinnabar.command.Ctx;
import io.cinnabar.command.keys.ScanArgs;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.store.SortedSetValue;
import io.cinnabar.util.Numbers;
import java.util.ArrayList;
import java.util.List;

/**
 * ZSCAN's cursor walk (scanGenericCommand for a sorted set), with the shared {@link ScanArgs}:
 * a listpack replies whole with cursor 0; scores are d2string bulk strings in both protocols.
 */
final class ZScan {
    private ZScan() {}

    static void run(Ctx ctx, Argv argv) {
        long cursor = ScanArgs.parseCursor(argv.get(2));
        SortedSetValue z = ZSets.get(ctx, argv.get(1));
        RespOut out = ctx.out();
        if (z == null) {
            ScanArgs.replyEmpty(out);
            return;
        }
        ScanArgs opts = ScanArgs.parseOptions(argv, 3, false);
        List<byte[]> members = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        SortedSetValue.Visitor collect = (m, s) -> {
            members.add(m);
            scores.add(s);
        };
        if (z.isListpack()) {
            cursor = z.scan(0, collect);
        } else {
            long maxIterations = opts.maxIterations();
            do {
                cursor = z.scan(cursor, collect);
            } while (cursor != 0 && maxIterations-- > 0 && members.size() < opts.count());
        }
        int kept = 0;
        boolean[] keep = new boolean[members.size()];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = opts.matches(members.get(i));
            if (keep[i]) kept++;
        }
        ScanArgs.replyHeader(out, cursor, kept * 2L);
        for (int i = 0; i < keep.length; i++) {
            if (!keep[i]) continue;
            out.bulk(members.get(i));
            out.bulk(Numbers.d2string(scores.get(i)));
        }
    }
}
