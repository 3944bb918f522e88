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

/** {@code XGROUP DESTROY key group}: consumers blocked on the group get -NOGROUP. */
final class XGroupDestroyCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("destroy", "stream").parent("xgroup").arity(4)
            .flags(WRITE).acl(AclCategory.STREAM).key(KeySpec.single(2, KeySpec.RW | KeySpec.DELETE))
            .doc("Destroy a consumer group.", "5.0.0", "O(N) where N is the number of entries in the group's pending entries list (PEL).").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        StreamValue s = XGroupCommand.stream(ctx, argv, false);
        byte[] key = argv.get(2);
        if (s.destroyGroup(argv.get(3))) {
            ctx.dirty(1);
            ctx.notify(Streams.XGROUP_DESTROY, key, ctx.dbIndex());
            ctx.server().blocking().signalKeyAsReady(ctx.db(), key);
            ctx.out().integer(1);
        } else {
            ctx.out().integer(0);
        }
    }
}
