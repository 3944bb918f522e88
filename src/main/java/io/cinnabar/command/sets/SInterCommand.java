package io.cinnabar.command.sets;

import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.store.SetValue;

/** {@code SINTER key [key ...]}: a set in RESP3. */
final class SInterCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("sinter", "set").arity(-2).flags(READONLY)
            .acl(AclCategory.SET)
            .key(KeySpec.range(1, -1, 1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Intersect multiple sets", "1.0.0", "O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.").tips("nondeterministic_output_order").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        SetValue[] sets = Sets.lookupAll(ctx, argv, 1, argv.size());
        RespOut out = ctx.out();
        for (SetValue s : sets) {
            if (s == null) {
                out.setHeader(0);
                return;
            }
        }
        int token = out.deferred();
        long[] n = {0};
        SetAlgebra.intersect(sets, m -> {
            out.bulk(m);
            n[0]++;
            return true;
        });
        out.setDeferredSet(token, n[0]);
    }
}
