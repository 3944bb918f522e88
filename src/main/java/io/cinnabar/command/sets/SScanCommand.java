package io.cinnabar.command.sets;

import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.command.scan.ElementScan;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.SetValue;
import java.util.ArrayList;
import java.util.List;

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
        long cursor = ElementScan.parseCursor(argv.get(2));
        SetValue s = Sets.get(ctx, argv.get(1));
        if (s == null) {
            ElementScan.replyEmpty(ctx.out());
            return;
        }
        ElementScan opts = ElementScan.parse(argv, 3);
        List<byte[]> items = new ArrayList<>();
        if (s.isIntset()) {
            cursor = s.scan(cursor, items::add);
        } else {
            long maxIterations = opts.count * 10;
            do {
                cursor = s.scan(cursor, items::add);
            } while (cursor != 0 && maxIterations-- > 0 && items.size() < opts.count);
        }
        opts.reply(ctx.out(), cursor, items, false);
    }
}
