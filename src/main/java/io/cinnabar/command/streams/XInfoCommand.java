package io.cinnabar.command.streams;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.store.StreamValue;

/** {@code XINFO STREAM|GROUPS|CONSUMERS|HELP}: the container. */
final class XInfoCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("xinfo", "stream").arity(-2)
            .doc("A container for stream introspection commands", "5.0.0", "Depends on subcommand.")
            .subcommands(new XInfoStreamCommand(), new XInfoGroupsCommand(), new XInfoConsumersCommand(),
                    new XInfoHelpCommand())
            .build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        throw Errors.unknownSubcommand(argv.str(1), "xinfo");
    }

    /** The stream at argv[2], or ERR no such key. */
    static StreamValue stream(Ctx ctx, Argv argv) {
        StreamValue s = Streams.lookup(ctx, argv.get(2));
        if (s == null) throw Errors.NO_SUCH_KEY;
        return s;
    }

    /** entries-read and lag of a group, as XINFO GROUPS and XINFO STREAM FULL show them. */
    static void readAndLag(RespOut out, StreamValue s, io.cinnabar.store.StreamGroup g) {
        out.bulk("entries-read");
        if (g.entriesRead != io.cinnabar.store.StreamGroup.INVALID_ENTRIES_READ) out.integer(g.entriesRead);
        else out.nullBulk();
        out.bulk("lag");
        Long lag = s.lag(g);
        if (lag != null) out.integer(lag);
        else out.nullBulk();
    }
}
