package io.cinnabar.command.server;

import io.cinnabar.command.Ctx;
import io.cinnabar.resp.RespOut;
import java.util.Locale;

/** addReplyHelp: a container's HELP reply, "CMD <subcommand> ..." then the lines, then HELP's own entry. */
public final class Help {
    private Help() {}

    public static void reply(Ctx ctx, String container, String... lines) {
        RespOut out = ctx.out();
        out.arrayHeader(lines.length + 3);
        out.simple(container.toUpperCase(Locale.ROOT) + " <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
        for (String l : lines) out.simple(l);
        out.simple("HELP");
        out.simple("    Prints this help.");
    }
}
