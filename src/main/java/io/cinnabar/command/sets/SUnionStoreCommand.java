package io.cinnabar.command.sets;

import static io.cinnabar.command.CommandFlag.DENYOOM;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.SetValue;

/** {@code SUNIONSTORE destination key [key ...]}. */
final class SUnionStoreCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("sunionstore", "set").arity(-3).flags(WRITE, DENYOOM)
            .acl(AclCategory.SET)
            .key(KeySpec.single(1, KeySpec.OW | KeySpec.UPDATE))
            .key(KeySpec.range(2, -1, 1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Add multiple sets and store the resulting set in a key", "1.0.0", "O(N) where N is the total number of elements in all given sets.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        SetValue[] sets = Sets.lookupAll(ctx, argv, 2, argv.size());
        SetValue result = SetAlgebra.union(sets, Sets.maxIntset(ctx));
        Sets.store(ctx, argv.get(1), result, Sets.SUNIONSTORE);
    }
}
