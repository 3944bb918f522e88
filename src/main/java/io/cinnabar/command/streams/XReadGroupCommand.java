package io.cinnabar.command.streams;

import static io.cinnabar.command.CommandFlag.BLOCKING;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;

/**
 * {@code XREADGROUP GROUP group consumer [COUNT count] [BLOCK ms] [NOACK] STREAMS key [key ...] id [id ...]}.
 * Propagated as the XCLAIM / XGROUP commands its effects amount to, never as itself.
 */
final class XReadGroupCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("xreadgroup", "stream").arity(-7).flags(WRITE, BLOCKING)
            .acl(AclCategory.STREAM)
            .key(KeySpec.keywordRange("STREAMS", 4, -1, 1, 2, KeySpec.RO | KeySpec.ACCESS))
            .doc("Return new entries from a stream using a consumer group, or access the history of the pending "
                    + "entries for a given consumer. Can block.", "5.0.0",
                    "For each stream mentioned: O(M) with M being the number of elements returned. If M is constant "
                    + "(e.g. always asking for the first 10 elements with COUNT), you can consider it O(1). On the "
                    + "other side when XREADGROUP blocks, XADD will pay the O(N) time in order to serve the N "
                    + "clients blocked on the stream getting new data.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        XReads.execute(ctx, argv, true);
    }
}
