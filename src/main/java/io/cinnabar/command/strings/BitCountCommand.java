package io.cinnabar.command.strings;

import static io.cinnabar.command.CommandFlag.READONLY;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.error.Errors;
import io.cinnabar.store.StringValues;

/** {@code BITCOUNT key [start end [BYTE|BIT]]}. */
final class BitCountCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("bitcount", "bitmap").arity(-2).flags(READONLY)
            .acl(AclCategory.BITMAP).key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Count set bits in a string", "2.6.0", "O(N)").build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        Object v = Strings.readString(ctx, argv.get(1));
        if (v == null) {
            ctx.out().integer(0);
            return;
        }
        byte[] p = StringValues.backing(v);
        long len = StringValues.length(v);
        long start;
        long end;
        int firstMask = 0;
        int lastMask = 0;
        int argc = argv.size();
        if (argc == 4 || argc == 5) {
            start = argv.longArg(2);
            end = argv.longArg(3);
            if (start < 0 && end < 0 && start > end) {
                ctx.out().integer(0);
                return;
            }
            boolean isBit = argc == 5 && Bits.isBitUnit(argv, 4);
            long total = isBit ? len << 3 : len;
            start = Bits.clampStart(start, total);
            end = Bits.clampEnd(end, total);
            if (isBit && start <= end) {
                firstMask = ~((1 << (8 - (start & 7))) - 1) & 0xFF;
                lastMask = (1 << (7 - (end & 7))) - 1;
                start >>= 3;
                end >>= 3;
            }
        } else if (argc == 2) {
            start = 0;
            end = len - 1;
        } else {
            throw Errors.SYNTAX;
        }
        if (start > end) {
            ctx.out().integer(0);
            return;
        }
        long count = 0;
        for (int i = (int) start; i <= end; i++) count += Integer.bitCount(p[i] & 0xFF);
        // bits of the edge bytes outside a BIT range
        count -= Integer.bitCount(p[(int) start] & firstMask);
        count -= Integer.bitCount(p[(int) end] & lastMask);
        ctx.out().integer(count);
    }
}
