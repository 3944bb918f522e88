package io.cinnabar.command.keys;

import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;

/** {@code OBJECT HELP}. */
final class ObjectHelpCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("help", "generic").parent("object").arity(2)
            .flags(LOADING, STALE).acl(AclCategory.KEYSPACE)
            .doc("Show helpful text about the different subcommands", "6.2.0", "O(1)").build();
    private static final String[] LINES = {
        "OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "ENCODING <key>",
        "    Return the kind of internal representation used in order to store the value",
        "    associated with a <key>.",
        "FREQ <key>",
        "    Return the access frequency index of the <key>. The returned integer is",
        "    proportional to the logarithm of the recent access frequency of the key.",
        "IDLETIME <key>",
        "    Return the idle time of the <key>, that is the approximated number of",
        "    seconds elapsed since the last access to the key.",
        "REFCOUNT <key>",
        "    Return the number of references of the value associated with the specified",
        "    <key>.",
        "HELP",
        "    Prints this help.",
    };

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        RespOut out = ctx.out();
        out.arrayHeader(LINES.length);
        for (String l : LINES) out.simple(l);
    }
}
