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

/** {@code XGROUP CREATECONSUMER key group consumer}. */
final class XGroupCreateConsumerCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("createconsumer", "stream").parent("xgroup").arity(5)
            .flags(WRITE, DENYOOM).acl(AclCategory.STREAM).key(KeySpec.single(2, KeySpec.RW | KeySpec.INSERT))
            .doc("Create a consumer in a consumer group.", "6.2.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        StreamValue s = XGroupCommand.stream(ctx, argv, false);
        StreamGroup g = XGroupCommand.group(s, argv);
        if (g.createConsumer(argv.get(4), ctx.now()) != null) {
            ctx.dirty(1);
            ctx.notify(Streams.XGROUP_CREATECONSUMER, argv.get(2), ctx.dbIndex());
            ctx.out().integer(1);
        } else {
            ctx.out().integer(0);
        }
    }
}
