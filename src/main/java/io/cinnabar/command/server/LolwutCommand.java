package io.cinnabar.command.server;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;

/**
 * {@code LOLWUT [VERSION version] [arg ...]}: version 5 draws Schotter, version 6 a skyscraper
 * landscape (both random, as in Redis); any other version, and the default for 7.0, is the
 * plain "Redis ver. 7.0.15" line.
 */
final class LolwutCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("lolwut", "server").arity(-1).flags(READONLY, FAST)
            .doc("Display some computer art and the Redis version", "5.0.0", "").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        int from = 1;
        long version = 7;
        if (argv.size() >= 3 && argv.is(1, "version")) {
            version = argv.longArg(2);
            if (version < Integer.MIN_VALUE || version > Integer.MAX_VALUE) throw io.cinnabar.error.Errors.NOT_INTEGER;
            version &= 0xffffffffL; // "%u" of the int
            from = 3;
        }
        String art;
        if (version == 5) art = Lolwut.schotter(argv, from);
        else if (version == 6) art = Lolwut.skyscrapers(argv, from);
        else art = Lolwut.versionLine();
        ctx.out().verbatim(art);
    }
}
