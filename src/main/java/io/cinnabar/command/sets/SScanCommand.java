package io.cinnabar.command.sets;

import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.command.keys.ScanArgs;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.store.SetValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** {@code SSCAN key cursor [MATCH pattern] [COUNT count]}: an intset comes whole with cursor 0. */
final class SScanCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("sscan", "set").arity(-3).flags(READONLY)
            .acl(AclCategory.SET)
            .key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Incrementally iterate Set elements", "2.8.0", "O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..").tips("nondeterministic_output").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        long cursor = ScanArgs.parseCursor(argv.get(2));
        SetValue s = Sets.get(ctx, argv.get(1));
        if (s == null) {
            ScanArgs.replyEmpty(ctx.out());
            return;
        }
        ScanArgs opts = ScanArgs.parseOptions(argv, 3, false);
        List<byte[]> items = new ArrayList<>();
        long[] visited = {0};
        Consumer<byte[]> collect = m -> {
            visited[0]++; // COUNT counts members before MATCH filters, as Redis
            if (opts.matches(m)) items.add(m);
        };
        if (s.isIntset()) {
            cursor = s.scan(cursor, collect);
        } else {
            long maxIterations = opts.maxIterations();
            do {
                cursor = s.scan(cursor, collect);
            } while (cursor != 0 && maxIterations-- > 0 && visited[0] < opts.count());
        }
        RespOut out = ctx.out();
        ScanArgs.replyHeader(out, cursor, items.size());
        for (byte[] b : items) out.bulk(b);
    }
}
