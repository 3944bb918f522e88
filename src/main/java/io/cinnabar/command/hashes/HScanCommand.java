package io.cinnabar.command.hashes;

import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.command.keys.ScanArgs;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.store.HashValue;
import java.util.ArrayList;
import java.util.List;

/** {@code HSCAN key cursor [MATCH pattern] [COUNT count]}: a listpack hash comes whole with cursor 0. */
final class HScanCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("hscan", "hash").arity(-3).flags(READONLY)
            .acl(AclCategory.HASH)
            .key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Incrementally iterate hash fields and associated values", "2.8.0", "O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..").tips("nondeterministic_output").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        long cursor = ScanArgs.parseCursor(argv.get(2));
        HashValue h = Hashes.get(ctx, argv.get(1));
        if (h == null) {
            ScanArgs.replyEmpty(ctx.out());
            return;
        }
        ScanArgs opts = ScanArgs.parseOptions(argv, 3, false);
        List<byte[]> items = new ArrayList<>();
        long[] visited = {0};
        HashValue.FieldVisitor collect = (f, v) -> {
            visited[0] += 2; // COUNT counts fields and values before MATCH filters, as Redis
            if (opts.matches(f)) {
                items.add(f);
                items.add(v);
            }
        };
        if (h.isCompact()) {
            cursor = h.scan(cursor, collect);
        } else {
            long count = opts.count() * 2;
            long maxIterations = opts.maxIterations();
            do {
                cursor = h.scan(cursor, collect);
            } while (cursor != 0 && maxIterations-- > 0 && visited[0] < count);
        }
        RespOut out = ctx.out();
        ScanArgs.replyHeader(out, cursor, items.size());
        for (byte[] b : items) out.bulk(b);
    }
}
