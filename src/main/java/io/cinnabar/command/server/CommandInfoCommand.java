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
import io.cinnabar.resp.RespOut;
import java.util.List;

/** {@code COMMAND INFO [command-name ...]}: names may be "container|sub". */
final class CommandInfoCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("info", "server").parent("command").arity(-2).flags(LOADING, STALE).acl(AclCategory.CONNECTION)
            .tips("nondeterministic_output_order")
            .doc("Get array of specific Redis command details, or all when no argument is given.", "2.8.13", "O(N) where N is the number of commands to look up").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        RespOut out = ctx.out();
        if (argv.size() == 2) {
            List<CommandEntry> all = ctx.server().registry().all();
            out.arrayHeader(all.size());
            for (CommandEntry e : all) CommandIntrospection.info(out, e.spec());
            return;
        }
        out.arrayHeader(argv.size() - 2);
        for (int i = 2; i < argv.size(); i++) {
            CommandEntry e = ctx.server().registry().lookupFullName(argv.str(i));
            CommandIntrospection.info(out, e == null ? null : e.spec());
        }
    }
}
