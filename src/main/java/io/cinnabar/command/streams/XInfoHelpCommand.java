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

/** {@code XINFO HELP}. */
final class XInfoHelpCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("help", "stream").parent("xinfo").arity(2)
            .flags(LOADING, STALE).acl(AclCategory.STREAM)
            .doc("Show helpful text about the different subcommands", "5.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Streams.help(ctx.out(), "XINFO",
                "CONSUMERS <key> <groupname>",
                "    Show consumers of <groupname>.",
                "GROUPS <key>",
                "    Show the stream consumer groups.",
                "STREAM <key> [FULL [COUNT <count>]",
                "    Show information about the stream.");
    }
}
