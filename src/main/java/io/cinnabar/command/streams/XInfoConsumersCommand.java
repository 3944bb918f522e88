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

/** {@code XINFO CONSUMERS key group}. */
final class XInfoConsumersCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("consumers", "stream").parent("xinfo").arity(4)
            .flags(READONLY).acl(AclCategory.STREAM).key(KeySpec.single(2, KeySpec.RO | KeySpec.ACCESS))
            .doc("List the consumers in a consumer group", "5.0.0", "O(1)").tips("nondeterministic_output").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        StreamValue s = XInfoCommand.stream(ctx, argv);
        StreamGroup g = s.group(argv.get(3));
        if (g == null) {
            throw new RedisError("NOGROUP No such consumer group '" + argv.str(3) + "' for key name '"
                    + argv.str(2) + "'");
        }
        RespOut out = ctx.out();
        long now = ctx.now();
        out.arrayHeader(g.consumers().size());
        for (StreamConsumer c : g.consumers().values()) {
            out.mapHeader(3);
            out.bulk("name");
            out.bulk(c.name());
            out.bulk("pending");
            out.integer(c.pel().size());
            out.bulk("idle");
            out.integer(Math.max(0, now - c.seenTime));
        }
    }
}
