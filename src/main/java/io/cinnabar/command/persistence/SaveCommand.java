package io.cinnabar.command.persistence;

import static io.cinnabar.command.CommandFlag.ADMIN;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.NO_ASYNC_LOADING;
import static io.cinnabar.command.CommandFlag.NO_MULTI;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.persistence.Persistence;
import io.cinnabar.resp.Argv;
import java.io.IOException;

/** {@code SAVE}: writes the RDB file synchronously. */
final class SaveCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("save", "server").arity(1)
            .flags(NOSCRIPT, ADMIN, NO_ASYNC_LOADING, NO_MULTI)
            .doc("Synchronously save the dataset to disk", "1.0.0", "O(N) where N is the total number of keys in all databases")
            .build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Persistence p = ctx.server().persistence();
        if (p.bgsaveInProgress()) throw Errors.err("Background save already in progress");
        try {
            p.save();
        } catch (IOException e) {
            ctx.server().log().warning("Failed saving the DB: " + e.getMessage());
            throw Errors.err("");
        }
        ctx.out().ok();
    }
}
