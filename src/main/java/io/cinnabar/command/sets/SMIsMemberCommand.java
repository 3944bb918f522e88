package io.cinnabar.command.sets;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.store.SetValue;

/** {@code SMISMEMBER key member [member ...]}. */
final class SMIsMemberCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("smismember", "set").arity(-3).flags(READONLY, FAST)
            .acl(AclCategory.SET)
            .key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Returns the membership associated with the given elements for a set", "6.2.0", "O(N) where N is the number of elements being checked for membership").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        SetValue s = Sets.get(ctx, argv.get(1));
        RespOut out = ctx.out();
        out.arrayHeader(argv.size() - 2);
        for (int i = 2; i < argv.size(); i++) out.integer(s != null && s.contains(argv.get(i)) ? 1 : 0);
    }
}
