package io.cinnabar.command.server;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;

/** {@code LASTSAVE}. */
final class LastsaveCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("lastsave", "server").arity(1).flags(LOADING, STALE, FAST).acl(AclCategory.ADMIN, AclCategory.DANGEROUS)
            .tips("nondeterministic_output")
            .doc("Get the UNIX time stamp of the last successful save to disk", "1.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ctx.out().integer(ctx.server().lastSaveMillis / 1000);
    }
}
