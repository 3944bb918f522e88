package io.cinnabar.command.server;

import static io.cinnabar.command.CommandFlag.ADMIN;
import static io.cinnabar.command.CommandFlag.ALLOW_BUSY;
import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.NO_MULTI;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.ClientConnection;
import io.cinnabar.server.Server;
import java.util.ArrayList;

/** {@code SHUTDOWN [NOSAVE|SAVE] [NOW] [FORCE] [ABORT]}: stops the process (or the embedded server); saves first when asked to or when save points are set. */
final class ShutdownCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("shutdown", "server").arity(-1).flags(ADMIN, NOSCRIPT, LOADING, STALE, NO_MULTI, ALLOW_BUSY)
            .doc("Synchronously save the dataset to disk and then shut down the server", "1.0.0", "O(N) when saving, where N is the total number of keys in all databases when saving data, otherwise O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        boolean nosave = false, save = false, now = false, force = false, abort = false;
        for (int i = 1; i < argv.size(); i++) {
            if (argv.is(i, "nosave")) nosave = true;
            else if (argv.is(i, "save")) save = true;
            else if (argv.is(i, "now")) now = true;
            else if (argv.is(i, "force")) force = true;
            else if (argv.is(i, "abort")) abort = true;
            else throw Errors.SYNTAX;
        }
        if ((abort && (nosave || save || now || force)) || (nosave && save)) throw Errors.SYNTAX;
        if (abort) throw Errors.err("No shutdown in progress.");
        if (!now && ctx.nested()) {
            throw Errors.err("SHUTDOWN without NOW or ABORT isn't allowed for DENY BLOCKING client");
        }
        Server s = ctx.server();
        s.log().warning("User requested shutdown...");
        io.cinnabar.persistence.Persistence p = s.persistence();
        if (p != null) {
            if (p.bgsaveInProgress()) {
                s.log().warning("There is a child saving an .rdb. Killing it!");
                p.cancelBgsave(2000);
            }
            // never while loading: the file would be overwritten with half-read data (prepareForShutdown)
            boolean wantSave = !s.loading && (save || (!nosave && !s.config().get("save").isBlank()));
            if (wantSave) {
                try {
                    p.save();
                } catch (java.io.IOException e) {
                    s.log().warning("Error trying to save the DB, can't exit.");
                    if (!force) throw Errors.err("Errors trying to SHUTDOWN. Check logs.");
                }
            }
            p.skipShutdownSave(); // saved (or told not to): the exit path must not save again
        }
        s.log().warning("Redis is now ready to exit, bye bye...");
        if (s.net() != null) s.net().closeListeners();
        for (ClientConnection c : new ArrayList<>(s.clients().values())) {
            c.out().resetTo(0);
            s.closeClient(c);
        }
        s.stop();
    }
}
