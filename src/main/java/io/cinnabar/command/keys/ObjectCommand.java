package io.cinnabar.command.keys;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;

/** {@code OBJECT <subcommand> ...}: the container of ENCODING, FREQ, IDLETIME, REFCOUNT and HELP. */
final class ObjectCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("object", "generic").arity(-2)
            .doc("A container for object introspection commands", "2.2.3", "Depends on subcommand.")
            .subcommands(new ObjectEncodingCommand(), new ObjectIdletimeCommand(), new ObjectHelpCommand(),
                    new ObjectFreqCommand(), new ObjectRefcountCommand())
            .build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    /** Not reached: the dispatcher runs the subcommand, or replies with the unknown-subcommand error. */
    @Override public void execute(Ctx ctx, Argv argv) {
        throw Errors.subcommandSyntax(argv.str(1), "object");
    }
}
