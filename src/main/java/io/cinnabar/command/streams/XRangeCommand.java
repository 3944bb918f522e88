package io.cinnabar.command.streams;

import static io.cinnabar.command.CommandFlag.*;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.store.StreamId;
import io.cinnabar.store.StreamValue;

/** {@code XRANGE key start end [COUNT count]} and, with {@code rev}, {@code XREVRANGE key end start [COUNT count]}. */
final class XRangeCommand implements Command {
    static final XRangeCommand XRANGE = new XRangeCommand("xrange", false, "Return a range of elements in a stream, with IDs matching the specified IDs interval");
    static final XRangeCommand XREVRANGE = new XRangeCommand("xrevrange", true, "Return a range of elements in a stream, with IDs matching the specified IDs interval, in reverse order (from greater to smaller IDs) compared to XRANGE");

    private final CommandSpec spec;
    private final boolean rev;

    private XRangeCommand(String name, boolean rev, String summary) {
        this.rev = rev;
        this.spec = CommandSpec.builder(name, "stream").arity(-4).flags(READONLY).acl(AclCategory.STREAM)
                .key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
                .doc(summary, rev ? "5.0.0" : "5.0.0", "O(N) with N being the number of elements being returned.").build();
    }

    @Override public CommandSpec spec() {
        return spec;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        StreamId start = Streams.parseRangeStart(argv.get(rev ? 3 : 2));
        StreamId end = Streams.parseRangeEnd(argv.get(rev ? 2 : 3));
        long count = -1;
        for (int j = 4; j < argv.size(); j++) {
            if (argv.is(j, "count") && j + 1 < argv.size()) {
                count = argv.longArg(++j);
                if (count < 0) count = 0;
            } else {
                throw Errors.SYNTAX;
            }
        }
        StreamValue s = Streams.lookup(ctx, argv.get(1));
        RespOut out = ctx.out();
        if (s == null) {
            out.emptyArray();
        } else if (count == 0) {
            out.nullArray();
        } else {
            Streams.range(out, s, start, end, count == -1 ? 0 : count, rev);
        }
    }
}
