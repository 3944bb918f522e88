package io.cinnabar.command.streams;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.StreamGroup;
import io.cinnabar.store.StreamValue;
import java.nio.charset.StandardCharsets;

/** {@code XGROUP CREATE|SETID|DESTROY|CREATECONSUMER|DELCONSUMER|HELP}: the container. */
final class XGroupCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("xgroup", "stream").arity(-2)
            .doc("A container for consumer groups commands", "5.0.0", "Depends on subcommand.")
            .subcommands(new XGroupCreateCommand(), new XGroupSetIdCommand(), new XGroupDestroyCommand(),
                    new XGroupCreateConsumerCommand(), new XGroupDelConsumerCommand(), new XGroupHelpCommand())
            .build();
    private static final RedisError NO_KEY = Errors.err("The XGROUP subcommand requires the key to exist. Note that "
            + "for CREATE you may want to use the MKSTREAM option to create an empty stream automatically.");

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        throw Errors.unknownSubcommand(argv.str(1), "xgroup");
    }

    /** Options after the ID of CREATE/SETID: MKSTREAM (CREATE only) and ENTRIESREAD n. [mkstream, entriesRead]. */
    static long[] options(Argv argv, boolean create) {
        long[] o = {0, StreamGroup.INVALID_ENTRIES_READ};
        for (int i = 5; i < argv.size(); ) {
            if (create && argv.is(i, "mkstream")) {
                o[0] = 1;
                i++;
            } else if (argv.is(i, "entriesread") && i + 1 < argv.size()) {
                o[1] = argv.longArg(i + 1);
                if (o[1] < 0 && o[1] != StreamGroup.INVALID_ENTRIES_READ) {
                    throw Errors.err("value for ENTRIESREAD must be positive or -1");
                }
                i += 2;
            } else {
                throw Errors.subcommandSyntax(argv.str(1), "xgroup");
            }
        }
        return o;
    }

    /** The stream, which must exist unless {@code mayCreate}. */
    static StreamValue stream(Ctx ctx, Argv argv, boolean mayCreate) {
        StreamValue s = Streams.lookup(ctx, argv.get(2));
        if (s == null && !mayCreate) throw NO_KEY;
        return s;
    }

    /** The group, which must exist. */
    static StreamGroup group(StreamValue s, Argv argv) {
        StreamGroup g = s.group(argv.get(3));
        if (g == null) {
            throw new RedisError("NOGROUP No such consumer group '" + argv.str(3) + "' for key name '"
                    + new String(argv.get(2), StandardCharsets.UTF_8) + "'");
        }
        return g;
    }
}
