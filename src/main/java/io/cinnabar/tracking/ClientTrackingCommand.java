package io.cinnabar.tracking;

import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.ClientConnection;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CLIENT TRACKING ON|OFF [REDIRECT id] [PREFIX p ...] [BCAST] [OPTIN] [OPTOUT] [NOLOOP]}.
 * As Redis 7.0, two overlapping new prefixes where the first is not the first given reply an error
 * and then OK, tracking enabled (checkPrefixCollisionsOrReply returns the index).
 */
public final class ClientTrackingCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("tracking", "connection").parent("client").arity(-3)
            .flags(NOSCRIPT, LOADING, STALE).acl(AclCategory.CONNECTION)
            .doc("Enable or disable server assisted client side caching support", "6.0.0",
                    "O(1). Some options may introduce additional complexity.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        ClientConnection c = ctx.client();
        long redirect = 0;
        int options = 0;
        List<byte[]> prefixes = new ArrayList<>();
        for (int j = 3; j < argv.size(); j++) {
            boolean more = j < argv.size() - 1;
            if (argv.is(j, "redirect") && more) {
                j++;
                if (redirect != 0) throw Errors.err("A client can only redirect to a single other client");
                redirect = argv.longArg(j);
                // the target must exist now, even if it may go away later
                if (!ctx.server().clients().containsKey(redirect)) {
                    throw Errors.err("The client ID you want redirect to does not exist");
                }
            } else if (argv.is(j, "bcast")) {
                options |= ClientConnection.TRACKING_BCAST;
            } else if (argv.is(j, "optin")) {
                options |= ClientConnection.TRACKING_OPTIN;
            } else if (argv.is(j, "optout")) {
                options |= ClientConnection.TRACKING_OPTOUT;
            } else if (argv.is(j, "noloop")) {
                options |= ClientConnection.TRACKING_NOLOOP;
            } else if (argv.is(j, "prefix") && more) {
                prefixes.add(argv.get(++j).clone());
            } else {
                throw Errors.SYNTAX;
            }
        }
        if (argv.is(2, "on")) {
            byte[][] given = prefixes.toArray(new byte[0][]);
            checkOptions(c, options, given.length);
            if ((options & ClientConnection.TRACKING_BCAST) != 0) {
                int[] at = new int[1];
                String collision = PrefixTable.collision(c, given, at);
                if (collision != null) {
                    ctx.server().dispatcher().replyError(c, new RedisError(collision));
                    if (at[0] == 0) return;
                }
            }
            Tracking.of(ctx.server()).enable(c, redirect, options, given);
        } else if (argv.is(2, "off")) {
            Tracking t = ctx.server().tracking();
            if (t != null) t.disable(c);
        } else {
            throw Errors.SYNTAX;
        }
        ctx.out().ok();
    }

    private static void checkOptions(ClientConnection c, int options, int prefixCount) {
        boolean bcast = (options & ClientConnection.TRACKING_BCAST) != 0;
        boolean optin = (options & ClientConnection.TRACKING_OPTIN) != 0;
        boolean optout = (options & ClientConnection.TRACKING_OPTOUT) != 0;
        if (!bcast && prefixCount > 0) throw Errors.err("PREFIX option requires BCAST mode to be enabled");
        if (c.has(ClientConnection.TRACKING) && c.has(ClientConnection.TRACKING_BCAST) != bcast) {
            throw Errors.err("You can't switch BCAST mode on/off before disabling tracking for this client, "
                    + "and then re-enabling it with a different mode.");
        }
        if (bcast && (optin || optout)) throw Errors.err("OPTIN and OPTOUT are not compatible with BCAST");
        if (optin && optout) throw Errors.err("You can't specify both OPTIN mode and OPTOUT mode");
        if ((optin && c.has(ClientConnection.TRACKING_OPTOUT)) || (optout && c.has(ClientConnection.TRACKING_OPTIN))) {
            throw Errors.err("You can't switch OPTIN/OPTOUT mode before disabling tracking for this client, "
                    + "and then re-enabling it with a different mode.");
        }
    }
}
