package io.cinnabar.command.acl;

import static io.cinnabar.command.CommandFlag.ADMIN;
import static io.cinnabar.command.CommandFlag.LOADING;
import static io.cinnabar.command.CommandFlag.NOSCRIPT;
import static io.cinnabar.command.CommandFlag.STALE;

import io.cinnabar.acl.Acl;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** {@code ACL SETUSER username [rule ...]}: creates or changes a user, all rules or none. */
final class AclSetuserCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("setuser", "server").parent("acl").arity(-3)
            .flags(ADMIN, NOSCRIPT, LOADING, STALE)
            .doc("Modify or create the rules for a specific ACL user", "6.0.0",
                    "O(N). Where N is the number of rules provided.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        String name = latin1(argv.get(2));
        if (Acl.hasSpaces(name)) throw Errors.err("Usernames can't contain spaces or null characters");
        List<String> ops = new ArrayList<>(argv.size() - 3);
        for (int i = 3; i < argv.size(); i++) ops.add(latin1(argv.get(i)));
        String error = Acl.of(ctx.server()).setUser(name, ops, ctx.client());
        if (error != null) throw Errors.err(error);
        ctx.out().ok();
    }

    static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
