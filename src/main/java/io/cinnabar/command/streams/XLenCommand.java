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

/** {@code XLEN key}. */
final class XLenCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("xlen", "stream").arity(2).flags(READONLY, FAST)
            .acl(AclCategory.STREAM).key(KeySpec.single(1, KeySpec.RO))
            .doc("Return the number of entries in a stream", "5.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        StreamValue s = Streams.lookup(ctx, argv.get(1));
        ctx.out().integer(s == null ? 0 : s.length());
    }
}
