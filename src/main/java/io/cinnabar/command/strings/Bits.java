package io.cinnabar.command.strings;

import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.store.KeyEntry;
import io.cinnabar.store.MutableString;
import io.cinnabar.util.Numbers;

/** Argument parsing and string access shared by the bitmap commands (Redis' bitops.c helpers). */
final class Bits {
    private Bits() {}

    static final RedisError BAD_OFFSET = Errors.err("bit offset is not an integer or out of range");
    static final RedisError BAD_BIT = Errors.err("bit is not an integer or out of range");

    /**
     * getBitOffsetFromArgument: a bit offset below proto-max-bulk-len bytes; with {@code bits > 0},
     * "#n" means n * bits (BITFIELD).
     */
    static long offset(Ctx ctx, byte[] arg, int bits) {
        boolean hash = bits > 0 && arg.length > 0 && arg[0] == '#';
        byte[] digits = hash ? java.util.Arrays.copyOfRange(arg, 1, arg.length) : arg;
        long off = Numbers.parseLongOr(digits, Long.MIN_VALUE);
        if (off == Long.MIN_VALUE) throw BAD_OFFSET;
        if (hash) off *= bits;
        long max = Math.min(ctx.server().config().getLong("proto-max-bulk-len"), Integer.MAX_VALUE - 16);
        if (off < 0 || (off >> 3) >= max) throw BAD_OFFSET;
        return off;
    }

    /**
     * lookupStringForBitCommand: the string at argv[1] as a MutableString zero-padded so that bit
     * {@code maxBit} exists, created if missing. {@code grew[0]} tells whether it was created or lengthened.
     */
    static MutableString forWrite(Ctx ctx, byte[] key, long maxBit, boolean[] grew) {
        int bytes = (int) (maxBit >> 3) + 1;
        KeyEntry e = Strings.writeEntry(ctx, key);
        MutableString m;
        if (e == null) {
            m = new MutableString(new byte[0], bytes);
            ctx.db().add(key, m);
            m.extendTo(bytes);
            grew[0] = true;
        } else {
            m = Strings.unshare(e);
            int old = m.length();
            m.extendTo(bytes);
            grew[0] = m.length() != old;
        }
        return m;
    }

    /** Normalizes a [start, end] range over {@code total} units as BITCOUNT/BITPOS/GETRANGE do. */
    static long clampStart(long start, long total) {
        if (start < 0) start = total + start;
        return start < 0 ? 0 : start;
    }

    static long clampEnd(long end, long total) {
        if (end < 0) end = total + end;
        if (end < 0) end = 0;
        return end >= total ? total - 1 : end;
    }

    /** BIT|BYTE unit argument: true for BIT; syntax error otherwise. */
    static boolean isBitUnit(io.cinnabar.resp.Argv argv, int i) {
        if (argv.is(i, "bit")) return true;
        if (argv.is(i, "byte")) return false;
        throw Errors.SYNTAX;
    }
}
