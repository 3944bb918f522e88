package io.cinnabar.command.connection;

import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.ClientConnection;

/** {@code CLIENT TRACKINGINFO}: flags, redirect, prefixes (tracking itself is not implemented: always off). */
final class ClientTrackinginfoCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("trackinginfo", "connection").parent("client").arity(2).flags(NOSCRIPT, LOADING, STALE).acl(AclCategory.CONNECTION)
            .doc("Return information about server assisted client side caching for the current connection", "6.2.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ClientConnection c = ctx.client();
        var out = ctx.out();
        boolean on = c.has(ClientConnection.TRACKING);
        out.mapHeader(3);
        out.bulk("flags");
        out.setHeader(1);
        out.bulk(on ? "on" : "off");
        out.bulk("redirect");
        out.integer(on ? c.trackingRedirect : -1);
        out.bulk("prefixes");
        out.emptyArray();
    }
}
