package io.cinnabar.command.sets;

import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.SetValue;

/** {@code SINTERCARD numkeys key [key ...] [LIMIT limit]}. */
final class SInterCardCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("sintercard", "set").arity(-3).flags(READONLY)
            .acl(AclCategory.SET)
            .key(KeySpec.keynum(1, 0, 1, 1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Intersect multiple sets and return the cardinality of the result", "7.0.0", "O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    private static final RedisError BAD_NUMKEYS = Errors.err("numkeys should be greater than 0");
    private static final RedisError BAD_LIMIT = Errors.err("LIMIT can't be negative");

    @Override public void execute(Ctx ctx, Argv argv) {
        long numkeys = argv.longArg(1, BAD_NUMKEYS);
        if (numkeys < 1) throw BAD_NUMKEYS;
        if (numkeys > argv.size() - 2) throw Errors.err("Number of keys can't be greater than number of args");
        long limit = 0;
        for (int j = 2 + (int) numkeys; j < argv.size(); j++) {
            if (argv.is(j, "limit") && j + 1 < argv.size()) {
                limit = argv.longArg(++j, BAD_LIMIT);
                if (limit < 0) throw BAD_LIMIT;
            } else {
                throw Errors.SYNTAX;
            }
        }
        SetValue[] sets = Sets.lookupAll(ctx, argv, 2, 2 + (int) numkeys);
        for (SetValue s : sets) {
            if (s == null) {
                ctx.out().integer(0);
                return;
            }
        }
        long max = limit;
        long[] n = {0};
        SetAlgebra.intersect(sets, m -> ++n[0] < max || max == 0);
        ctx.out().integer(n[0]);
    }
}
