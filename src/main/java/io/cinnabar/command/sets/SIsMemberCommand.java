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

/** {@code SISMEMBER key member}. */
final class SIsMemberCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("sismember", "set").arity(3).flags(READONLY, FAST)
            .acl(AclCategory.SET)
            .key(KeySpec.single(1, KeySpec.RO))
            .doc("Determine if a given value is a member of a set", "1.0.0", "O(1)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        SetValue s = Sets.get(ctx, argv.get(1));
        ctx.out().integer(s != null && s.contains(argv.get(2)) ? 1 : 0);
    }
}
