package io.cinnabar.command.lists;

import static io.cinnabar.command.CommandFlag.*;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.ListValue;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.RespOut;
import java.util.Arrays;

/** {@code LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len]}. */
final class LPosCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("lpos", "list").arity(-3).flags(READONLY)
            .acl(AclCategory.LIST).key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Return the index of matching elements on a list", "6.0.6", "O(N) where N is the number of "
                    + "elements in the list, for the average case. When searching for elements near the head or the "
                    + "tail of the list, or when the MAXLEN option is provided, the command may run in constant time.")
            .build();
    private static final RedisError RANK_ZERO = new RedisError("ERR RANK can't be zero: use 1 to start from the "
            + "first match, 2 from the second ... or use negative to start from the end of the list");
    private static final RedisError COUNT_NEG = new RedisError("ERR COUNT can't be negative");
    private static final RedisError MAXLEN_NEG = new RedisError("ERR MAXLEN can't be negative");

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        long rank = 1, count = -1, maxlen = 0;
        for (int j = 3; j < argv.size(); j++) {
            boolean more = j + 1 < argv.size();
            if (argv.is(j, "rank") && more) {
                rank = argv.longArg(++j);
                if (rank == 0) throw RANK_ZERO;
            } else if (argv.is(j, "count") && more) {
                count = argv.longArg(++j, COUNT_NEG);
                if (count < 0) throw COUNT_NEG;
            } else if (argv.is(j, "maxlen") && more) {
                maxlen = argv.longArg(++j, MAXLEN_NEG);
                if (maxlen < 0) throw MAXLEN_NEG;
            } else {
                throw Errors.SYNTAX;
            }
        }
        boolean fromTail = rank < 0;
        if (fromTail) rank = -rank; // LLONG_MIN stays negative, as in Redis: every match qualifies
        RespOut out = ctx.out();
        ListValue list = Lists.get(ctx, argv.get(1));
        if (list == null) {
            if (count != -1) out.emptyArray();
            else out.nullBulk();
            return;
        }
        byte[] ele = argv.get(2);
        int len = list.length();
        int token = count != -1 ? out.deferred() : -1;
        long matches = 0, found = 0;
        long matchIndex = -1;
        for (int i = 0; i < len && (maxlen == 0 || i < maxlen); i++) {
            int idx = fromTail ? len - 1 - i : i;
            if (!Arrays.equals(list.get(idx), ele)) continue;
            matches++;
            if (matches < rank) continue;
            if (count == -1) {
                matchIndex = idx;
                break;
            }
            out.integer(idx);
            found++;
            if (count != 0 && matches - rank + 1 >= count) break;
        }
        if (count != -1) out.setDeferredArray(token, found);
        else if (matchIndex != -1) out.integer(matchIndex);
        else out.nullBulk();
    }
}
