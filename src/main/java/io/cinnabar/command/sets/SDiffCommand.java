package io.cinnabar.command.sets;

import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.SetValue;

/** {@code SDIFF key [key ...]}: a set in RESP3. */
final class SDiffCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("sdiff", "set").arity(-2).flags(READONLY)
            .acl(AclCategory.SET)
            .key(KeySpec.range(1, -1, 1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Subtract multiple sets", "1.0.0", "O(N) where N is the total number of elements in all given sets.").tips("nondeterministic_output_order").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        SetValue[] sets = Sets.lookupAll(ctx, argv, 1, argv.size());
        SetValue result = SetAlgebra.diff(sets, Sets.maxIntset(ctx));
        Sets.replySet(ctx.out(), result);
    }
}
