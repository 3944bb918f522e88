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

/** {@code XINFO GROUPS key}. */
final class XInfoGroupsCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("groups", "stream").parent("xinfo").arity(3)
            .flags(READONLY).acl(AclCategory.STREAM).key(KeySpec.single(2, KeySpec.RO | KeySpec.ACCESS))
            .doc("List the consumer groups of a stream", "5.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        StreamValue s = XInfoCommand.stream(ctx, argv);
        RespOut out = ctx.out();
        out.arrayHeader(s.groupCount());
        for (StreamGroup g : s.groups()) {
            out.mapHeader(6);
            out.bulk("name");
            out.bulk(g.name());
            out.bulk("consumers");
            out.integer(g.consumers().size());
            out.bulk("pending");
            out.integer(g.pel().size());
            out.bulk("last-delivered-id");
            Streams.id(out, g.lastId);
            XInfoCommand.readAndLag(out, s, g);
        }
    }
}
