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
import io.cinnabar.store.StreamConsumer;
import io.cinnabar.store.StreamGroup;
import io.cinnabar.store.StreamId;
import io.cinnabar.store.StreamPending;
import io.cinnabar.store.StreamValue;
import java.util.Map;

/** {@code XINFO STREAM key [FULL [COUNT count]]}. */
final class XInfoStreamCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("stream", "stream").parent("xinfo").arity(-3)
            .flags(READONLY).acl(AclCategory.STREAM).key(KeySpec.single(2, KeySpec.RO | KeySpec.ACCESS))
            .doc("Get information about a stream", "5.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        StreamValue s = XInfoCommand.stream(ctx, argv);
        boolean full = argv.size() > 3;
        long count = 10;
        if (full) {
            int optc = argv.size() - 3;
            if ((optc != 1 && optc != 3) || !argv.is(3, "full")) throw Errors.subcommandSyntax(argv.str(1), "xinfo");
            if (optc == 3) {
                if (!argv.is(4, "count")) throw Errors.subcommandSyntax(argv.str(1), "xinfo");
                count = argv.longArg(5);
                if (count < 0) count = 10;
            }
        }
        RespOut out = ctx.out();
        out.mapHeader(full ? 9 : 10);
        out.bulk("length");
        out.integer(s.length());
        out.bulk("radix-tree-keys");
        out.integer(s.nodeCount());
        out.bulk("radix-tree-nodes");
        out.integer(s.nodeCount() == 0 ? 1 : s.nodeCount() * 2L);
        out.bulk("last-generated-id");
        Streams.id(out, s.lastId());
        out.bulk("max-deleted-entry-id");
        Streams.id(out, s.maxDeletedId());
        out.bulk("entries-added");
        out.integer(s.entriesAdded());
        out.bulk("recorded-first-entry-id");
        Streams.id(out, s.firstId());
        if (!full) {
            out.bulk("groups");
            out.integer(s.groupCount());
            out.bulk("first-entry");
            if (!edge(out, s, false)) out.nullBulk();
            out.bulk("last-entry");
            if (!edge(out, s, true)) out.nullBulk();
            return;
        }
        out.bulk("entries");
        Streams.range(out, s, null, null, count, false);
        out.bulk("groups");
        out.arrayHeader(s.groupCount());
        for (StreamGroup g : s.groups()) {
            out.mapHeader(7);
            out.bulk("name");
            out.bulk(g.name());
            out.bulk("last-delivered-id");
            Streams.id(out, g.lastId);
            XInfoCommand.readAndLag(out, s, g);
            out.bulk("pel-count");
            out.integer(g.pel().size());
            out.bulk("pending");
            int token = out.deferred();
            int n = 0;
            for (Map.Entry<StreamId, StreamPending> e : g.pel().entrySet()) {
                if (count != 0 && n >= count) break;
                out.arrayHeader(4);
                Streams.id(out, e.getKey());
                out.bulk(e.getValue().consumer.name());
                out.integer(e.getValue().deliveryTime);
                out.integer(e.getValue().deliveryCount);
                n++;
            }
            out.setDeferredArray(token, n);
            out.bulk("consumers");
            out.arrayHeader(g.consumers().size());
            for (StreamConsumer c : g.consumers().values()) consumer(out, c, count);
        }
    }

    private static void consumer(RespOut out, StreamConsumer c, long count) {
        out.mapHeader(4);
        out.bulk("name");
        out.bulk(c.name());
        out.bulk("seen-time");
        out.integer(c.seenTime);
        out.bulk("pel-count");
        out.integer(c.pel().size());
        out.bulk("pending");
        int token = out.deferred();
        int n = 0;
        for (Map.Entry<StreamId, StreamPending> e : c.pel().entrySet()) {
            if (count != 0 && n >= count) break;
            out.arrayHeader(3);
            Streams.id(out, e.getKey());
            out.integer(e.getValue().deliveryTime);
            out.integer(e.getValue().deliveryCount);
            n++;
        }
        out.setDeferredArray(token, n);
    }

    private static boolean edge(RespOut out, StreamValue s, boolean last) {
        io.cinnabar.store.StreamIterator it = s.iterator(null, null, last);
        if (!it.next()) return false;
        Streams.entry(out, it);
        return true;
    }
}
