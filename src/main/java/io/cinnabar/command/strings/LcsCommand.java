package io.cinnabar.command.strings;

import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.RespOut;
import io.cinnabar.store.StringValues;
import io.cinnabar.util.Lcs;

/** {@code LCS key1 key2 [LEN] [IDX] [MINMATCHLEN len] [WITHMATCHLEN]}: missing keys are empty strings. */
final class LcsCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("lcs", "string").arity(-3).flags(READONLY)
            .acl(AclCategory.STRING).key(KeySpec.range(1, 1, 1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Find longest common substring", "7.0.0",
                    "O(N*M) where N and M are the lengths of s1 and s2, respectively").build();
    private static final RedisError NOT_STRINGS = Errors.err("The specified keys must contain string values");
    private static final RedisError LEN_AND_IDX =
            Errors.err("If you want both the length and indexes, please just use IDX.");
    private static final RedisError TOO_BIG =
            Errors.err("Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len");
    private static final RedisError NO_MEMORY =
            Errors.err("Insufficient memory, failed allocating transient memory for LCS");

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Object a = Strings.lookupRead(ctx, argv.get(1));
        Object b = Strings.lookupRead(ctx, argv.get(2));
        if ((a != null && !Strings.isString(a)) || (b != null && !Strings.isString(b))) throw NOT_STRINGS;
        boolean getLen = false;
        boolean getIdx = false;
        boolean withMatchLen = false;
        long minMatchLen = 0;
        for (int j = 3; j < argv.size(); j++) {
            boolean more = j + 1 < argv.size();
            if (argv.is(j, "idx")) getIdx = true;
            else if (argv.is(j, "len")) getLen = true;
            else if (argv.is(j, "withmatchlen")) withMatchLen = true;
            else if (argv.is(j, "minmatchlen") && more) minMatchLen = Math.max(0, argv.longArg(++j));
            else throw Errors.SYNTAX;
        }
        if (getLen && getIdx) throw LEN_AND_IDX;
        int alen = Strings.length(a);
        int blen = Strings.length(b);
        long bytes = Lcs.tableBytes(alen, blen);
        if (bytes > ctx.server().config().getLong("proto-max-bulk-len")) throw TOO_BIG;
        if (bytes / 4 > Integer.MAX_VALUE - 16) throw NO_MEMORY;
        Lcs r = Lcs.compute(a == null ? new byte[0] : StringValues.backing(a), alen,
                b == null ? new byte[0] : StringValues.backing(b), blen, getIdx || !getLen, minMatchLen);
        RespOut out = ctx.out();
        if (getIdx) {
            out.mapHeader(2);
            out.bulk("matches");
            out.arrayHeader(r.matches.size());
            for (int[] m : r.matches) {
                out.arrayHeader(withMatchLen ? 3 : 2);
                out.arrayHeader(2);
                out.integer(m[0]);
                out.integer(m[1]);
                out.arrayHeader(2);
                out.integer(m[2]);
                out.integer(m[3]);
                if (withMatchLen) out.integer(m[4]);
            }
            out.bulk("len");
            out.integer(r.length);
        } else if (getLen) {
            out.integer(r.length);
        } else {
            out.bulk(r.string);
        }
    }
}
