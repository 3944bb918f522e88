package io.cinnabar.command.persistence;

import static io.cinnabar.command.CommandFlag.ADMIN;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.NO_ASYNC_LOADING;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.persistence.Persistence;
import io.cinnabar.resp.Argv;

/** {@code BGSAVE [SCHEDULE]}: saves in the background. */
final class BgsaveCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("bgsave", "server").arity(-1)
            .flags(NOSCRIPT, ADMIN, NO_ASYNC_LOADING)
            .doc("Asynchronously save the dataset to disk", "1.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        boolean schedule = false;
        if (argv.size() > 1) {
            if (argv.size() == 2 && argv.is(1, "schedule")) schedule = true;
            else throw Errors.SYNTAX;
        }
        Persistence p = ctx.server().persistence();
        if (p.bgsaveInProgress()) throw Errors.err("Background save already in progress");
        if (p.snapshotInProgress() || ctx.nested()) {
            if (schedule || ctx.nested()) {
                p.scheduleBgsave();
                ctx.out().simple("Background saving scheduled");
                return;
            }
            throw Errors.err("Another child process is active (AOF?): can't BGSAVE right now. "
                    + "Use BGSAVE SCHEDULE in order to schedule a BGSAVE whenever possible.");
        }
        p.bgsave();
        ctx.out().simple("Background saving started");
    }
}
