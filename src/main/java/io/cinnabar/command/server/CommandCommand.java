package io.cinnabar.command.server;

import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandEntry;
import io.cinnabar.command.CommandIntrospection;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;
import java.util.List;

/** {@code COMMAND [subcommand]}: without a subcommand, COMMAND INFO for every command. */
final class CommandCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("command", "server").arity(-1).flags(LOADING, STALE).acl(AclCategory.CONNECTION)
            .tips("nondeterministic_output_order")
            .doc("Get array of Redis command details", "2.8.13", "O(N) where N is the total number of Redis commands")
            .subcommands(new CommandCountCommand(), new CommandInfoCommand(), new CommandDocsCommand(),
                    new CommandListCommand(), new CommandGetKeysCommand(false), new CommandGetKeysCommand(true),
                    new CommandHelpCommand()).build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        List<CommandEntry> all = ctx.server().registry().all();
        ctx.out().arrayHeader(all.size());
        for (CommandEntry e : all) CommandIntrospection.info(ctx.out(), e.spec());
    }
}
