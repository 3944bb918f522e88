package io.cinnabar.command.sets;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.SetValue;

/** {@code SCARD key}. */
final class SCardCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("scard", "set").arity(2).flags(READONLY, FAST)
            .acl(AclCategory.SET)
            .key(KeySpec.single(1, KeySpec.RO))
            .doc("Get the number of members in a set", "1.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        SetValue s = Sets.get(ctx, argv.get(1));
        ctx.out().integer(s == null ? 0 : s.size());
    }
}
