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
import io.cinnabar.store.StreamConsumer;
import io.cinnabar.store.StreamGroup;
import io.cinnabar.store.StreamId;
import io.cinnabar.store.StreamValue;

/** {@code XGROUP DELCONSUMER key group consumer}: replies the number of entries it still had pending. */
final class XGroupDelConsumerCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("delconsumer", "stream").parent("xgroup").arity(5)
            .flags(WRITE).acl(AclCategory.STREAM).key(KeySpec.single(2, KeySpec.RW | KeySpec.DELETE))
            .doc("Delete a consumer from a consumer group.", "5.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        StreamValue s = XGroupCommand.stream(ctx, argv, false);
        StreamGroup g = XGroupCommand.group(s, argv);
        StreamConsumer c = g.consumer(argv.get(4));
        long pending = 0;
        if (c != null) {
            pending = g.deleteConsumer(c);
            ctx.dirty(1);
            ctx.notify(Streams.XGROUP_DELCONSUMER, argv.get(2), ctx.dbIndex());
        }
        ctx.out().integer(pending);
    }
}
