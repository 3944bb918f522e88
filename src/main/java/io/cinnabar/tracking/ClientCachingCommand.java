package io.cinnabar.tracking;

import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.ClientConnection;

/** {@code CLIENT CACHING YES|NO}: track (OPTIN) or skip (OPTOUT) the keys of the next command or transaction. */
public final class ClientCachingCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("caching", "connection").parent("client").arity(3)
            .flags(NOSCRIPT, LOADING, STALE).acl(AclCategory.CONNECTION)
            .doc("Instruct the server about tracking or not keys in the next request", "6.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ClientConnection c = ctx.client();
        if (!c.has(ClientConnection.TRACKING)) {
            throw Errors.err("CLIENT CACHING can be called only when the client is in tracking mode with OPTIN or "
                    + "OPTOUT mode enabled");
        }
        if (argv.is(2, "yes")) {
            if (!c.has(ClientConnection.TRACKING_OPTIN)) {
                throw Errors.err("CLIENT CACHING YES is only valid when tracking is enabled in OPTIN mode.");
            }
        } else if (argv.is(2, "no")) {
            if (!c.has(ClientConnection.TRACKING_OPTOUT)) {
                throw Errors.err("CLIENT CACHING NO is only valid when tracking is enabled in OPTOUT mode.");
            }
        } else {
            throw Errors.SYNTAX;
        }
        c.flags |= ClientConnection.TRACKING_CACHING;
        ctx.out().ok();
    }
}
