package io.cinnabar.command.cluster;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;

/** {@code CLUSTER subcommand ...}: a container whose subcommands all report cluster support disabled. */
final class ClusterCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("cluster", "cluster").arity(-2)
            .doc("A container for cluster commands", "3.0.0", "Depends on subcommand.")
            .subcommands(ClusterDisabledCommand.subcommands()).build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        throw Errors.wrongArity("cluster");
    }
}
