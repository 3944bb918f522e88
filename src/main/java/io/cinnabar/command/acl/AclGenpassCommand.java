package io.cinnabar.command.acl;

import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.Server;

/** {@code ACL GENPASS [bits]}: (bits+3)/4 random hex characters, 256 bits by default. */
final class AclGenpassCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("genpass", "server").parent("acl").arity(-2)
            .flags(NOSCRIPT, LOADING, STALE)
            .doc("Generate a pseudorandom secure password to use for ACL users", "6.0.0", "O(1)").build();
    private static final int MAX_BITS = 4096;

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        if (argv.size() > 3) throw Errors.subcommandSyntax(argv.str(1), "acl");
        long bits = argv.size() == 3 ? argv.longArg(2) : 256;
        if (bits <= 0 || bits > MAX_BITS) {
            throw Errors.err("ACL GENPASS argument must be the number of bits for the output password, "
                    + "a positive number up to " + MAX_BITS);
        }
        ctx.out().bulk(Server.randomHex((int) ((bits + 3) / 4)));
    }
}
