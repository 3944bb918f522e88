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

/** {@code SINTERSTORE destination key [key ...]}. */
final class SInterStoreCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("sinterstore", "set").arity(-3).flags(WRITE, DENYOOM)
            .acl(AclCategory.SET)
            .key(KeySpec.single(1, KeySpec.RW | KeySpec.UPDATE))
            .key(KeySpec.range(2, -1, 1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Intersect multiple sets and store the resulting set in a key", "1.0.0", "O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        byte[] dst = argv.get(1);
        SetValue[] sets = Sets.lookupAll(ctx, argv, 2, argv.size());
        SetValue result = SetValue.newIntset();
        boolean empty = false;
        for (SetValue s : sets) empty |= s == null;
        if (!empty) {
            long max = Sets.maxIntset(ctx);
            SetAlgebra.intersect(sets, m -> {
                result.add(m, max);
                return true;
            });
        }
        Sets.store(ctx, dst, result, Sets.SINTERSTORE);
    }
}
