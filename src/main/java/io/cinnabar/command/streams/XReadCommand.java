package io.cinnabar.command.streams;

import static io.cinnabar.command.CommandFlag.BLOCKING;
import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;

/** {@code XREAD [COUNT count] [BLOCK ms] STREAMS key [key ...] id [id ...]}. */
final class XReadCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("xread", "stream").arity(-4).flags(READONLY, BLOCKING)
            .acl(AclCategory.STREAM)
            .key(KeySpec.keywordRange("STREAMS", 1, -1, 1, 2, KeySpec.RO | KeySpec.ACCESS))
            .doc("Return never seen elements in multiple streams, with IDs greater than the ones reported by the "
                    + "caller for each stream. Can block.", "5.0.0",
                    "For each stream mentioned: O(N) with N being the number of elements being returned, it means "
                    + "that XREAD-ing with a fixed COUNT is O(1). Note that when the BLOCK option is used, XADD will "
                    + "pay O(M) time in order to serve the M clients blocked on the stream getting new data.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        XReads.execute(ctx, argv, false);
    }
}
