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
import io.cinnabar.store.StringValues;

/**
 * {@code BITPOS key bit [start [end [BYTE|BIT]]]}: without an end, clear bits are looked for past
 * the string (it is zero-padded); with one, a range of all ones gives -1.
 */
final class BitPosCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("bitpos", "bitmap").arity(-3).flags(READONLY)
            .acl(AclCategory.BITMAP).key(KeySpec.single(1, KeySpec.RO | KeySpec.ACCESS))
            .doc("Find first bit set or clear in a string", "2.8.7", "O(N)").build();
    private static final RedisError BAD_BIT = Errors.err("The bit argument must be 1 or 0.");

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        long bit = argv.longArg(2);
        if (bit != 0 && bit != 1) throw BAD_BIT;
        Object v = Strings.readString(ctx, argv.get(1));
        if (v == null) {
            ctx.out().integer(bit == 1 ? -1 : 0);
            return;
        }
        byte[] p = StringValues.backing(v);
        long len = StringValues.length(v);
        int argc = argv.size();
        boolean isBit = false;
        boolean endGiven = false;
        long start;
        long end;
        if (argc >= 4 && argc <= 6) {
            start = argv.longArg(3);
            if (argc == 6) isBit = Bits.isBitUnit(argv, 5);
            if (argc >= 5) {
                end = argv.longArg(4);
                endGiven = true;
            } else {
                end = isBit ? (len << 3) + 7 : len - 1;
            }
            long total = isBit ? len << 3 : len;
            start = Bits.clampStart(start, total);
            end = Bits.clampEnd(end, total);
        } else if (argc == 3) {
            start = 0;
            end = len - 1;
        } else {
            throw Errors.SYNTAX;
        }
        if (start > end) {
            ctx.out().integer(-1);
            return;
        }
        long first = isBit ? start : start << 3;
        long last = isBit ? end : (end << 3) + 7;
        long pos = find(p, first, last, (int) bit);
        if (pos < 0 && bit == 0 && !endGiven) pos = last + 1; // the zero padding right after the string
        ctx.out().integer(pos);
    }

    /** The first bit equal to {@code bit} in [first, last], or -1. */
    static long find(byte[] p, long first, long last, int bit) {
        int skip = bit == 1 ? 0 : 0xFF;
        long i = first;
        while (i <= last) {
            if ((i & 7) == 0 && i + 7 <= last && (p[(int) (i >> 3)] & 0xFF) == skip) {
                i += 8;
                continue;
            }
            if (((p[(int) (i >> 3)] >> (7 - (int) (i & 7))) & 1) == bit) return i;
            i++;
        }
        return -1;
    }
}
