package io.cinnabar.tracking;

import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.server.ClientConnection;

/** {@code CLIENT TRACKINGINFO}: the tracking flags, redirection and BCAST prefixes of this connection. */
public final class ClientTrackinginfoCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("trackinginfo", "connection").parent("client").arity(2).flags(NOSCRIPT, LOADING, STALE).acl(AclCategory.CONNECTION)
            .doc("Return information about server assisted client side caching for the current connection", "6.2.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ClientConnection c = ctx.client();
        RespOut out = ctx.out();
        boolean on = c.has(ClientConnection.TRACKING);
        out.mapHeader(3);
        out.bulk("flags");
        int n = 1 + Integer.bitCount(c.flags & (ClientConnection.TRACKING_BCAST | ClientConnection.TRACKING_OPTIN
                | ClientConnection.TRACKING_OPTOUT | ClientConnection.TRACKING_NOLOOP
                | ClientConnection.TRACKING_BROKEN_REDIR));
        boolean caching = c.has(ClientConnection.TRACKING_CACHING)
                && c.has(ClientConnection.TRACKING_OPTIN | ClientConnection.TRACKING_OPTOUT);
        out.setHeader(caching ? n + 1 : n);
        out.bulk(on ? "on" : "off");
        if (c.has(ClientConnection.TRACKING_BCAST)) out.bulk("bcast");
        if (c.has(ClientConnection.TRACKING_OPTIN)) {
            out.bulk("optin");
            if (caching) out.bulk("caching-yes");
        }
        if (c.has(ClientConnection.TRACKING_OPTOUT)) {
            out.bulk("optout");
            if (caching) out.bulk("caching-no");
        }
        if (c.has(ClientConnection.TRACKING_NOLOOP)) out.bulk("noloop");
        if (c.has(ClientConnection.TRACKING_BROKEN_REDIR)) out.bulk("broken_redirect");
        out.bulk("redirect");
        out.integer(on ? c.trackingRedirect : -1);
        out.bulk("prefixes");
        if (c.trackingPrefixes == null) {
            out.emptyArray();
        } else {
            out.arrayHeader(c.trackingPrefixes.size());
            for (byte[] p : c.trackingPrefixes) out.bulk(p);
        }
    }
}
