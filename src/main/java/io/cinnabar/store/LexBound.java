package io.cinnabar.store;

import java.util.Arrays;

/**
 * One end of a ZRANGEBYLEX-style interval: {@code -} (below everything), {@code +} (above
 * everything), {@code [member} (inclusive) or {@code (member} (exclusive), as Redis' zlexrangespec.
 */
public final class LexBound {
    public static final LexBound MIN = new LexBound(null, true, -1);
    public static final LexBound MAX = new LexBound(null, true, 1);

    private final byte[] value;
    private final boolean exclusive;
    /** -1: the "-" sentinel, 1: the "+" sentinel, 0: a real value. */
    private final int infinity;

    private LexBound(byte[] value, boolean exclusive, int infinity) {
        this.value = value;
        this.exclusive = exclusive;
        this.infinity = infinity;
    }

    public static LexBound of(byte[] value, boolean exclusive) {
        return new LexBound(value, exclusive, 0);
    }

    /** Parses {@code -}, {@code +}, {@code [x} or {@code (x}; null when invalid (zslParseLexRangeItem). */
    public static LexBound parse(byte[] arg) {
        if (arg.length == 0) return null;
        switch (arg[0]) {
            case '+':
                return arg.length == 1 ? MAX : null;
            case '-':
                return arg.length == 1 ? MIN : null;
            case '(':
                return of(Arrays.copyOfRange(arg, 1, arg.length), true);
            case '[':
                return of(Arrays.copyOfRange(arg, 1, arg.length), false);
            default:
                return null;
        }
    }

    /** sdscmplex(member, this bound). */
    private int compareMember(byte[] member) {
        if (infinity != 0) return -infinity;
        return Arrays.compareUnsigned(member, value);
    }

    /** zslLexValueGteMin with this bound as min. */
    public boolean gteMin(byte[] member) {
        int c = compareMember(member);
        return exclusive ? c > 0 : c >= 0;
    }

    /** zslLexValueLteMax with this bound as max. */
    public boolean lteMax(byte[] member) {
        int c = compareMember(member);
        return exclusive ? c < 0 : c <= 0;
    }

    /** True when no string lies between min and max (zslIsInLexRange's first test). */
    public static boolean emptyRange(LexBound min, LexBound max) {
        int cmp;
        if (min == max) cmp = 0;
        else if (min.infinity == -1 || max.infinity == 1) cmp = -1;
        else if (min.infinity == 1 || max.infinity == -1) cmp = 1;
        else cmp = Arrays.compareUnsigned(min.value, max.value);
        return cmp > 0 || (cmp == 0 && (min.exclusive || max.exclusive));
    }
}
