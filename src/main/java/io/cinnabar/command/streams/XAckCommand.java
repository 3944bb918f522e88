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
import java.util.TreeMap;

/** {@code XACK key group id [id ...]}: all IDs are checked before any is acknowledged. */
final class XAckCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("xack", "stream").arity(-4).flags(WRITE, FAST)
            .acl(AclCategory.STREAM).key(KeySpec.single(1, KeySpec.RW | KeySpec.UPDATE))
            .doc("Marks a pending message as correctly processed, effectively removing it from the pending "
                    + "entries list of the consumer group. Return value of the command is the number of messages "
                    + "successfully acknowledged, that is, the IDs we were actually able to resolve in the PEL.",
                    "5.0.0", "O(1) for each message ID processed.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        StreamValue s = Streams.lookup(ctx, argv.get(1));
        StreamGroup g = s == null ? null : s.group(argv.get(2));
        if (g == null) {
            ctx.out().integer(0);
            return;
        }
        StreamId[] ids = new StreamId[argv.size() - 3];
        for (int j = 3; j < argv.size(); j++) ids[j - 3] = Streams.parseStrict(argv.get(j));
        int acked = 0;
        for (StreamId id : ids) {
            if (g.ack(id)) acked++;
        }
        ctx.dirty(acked);
        ctx.out().integer(acked);
    }
}
