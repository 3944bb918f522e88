package io.cinnabar.util;

import io.cinnabar.error.Errors;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * INCRBYFLOAT's arithmetic as Redis does it on x86-64: operands parsed with strtold into an 80-bit
 * long double (64-bit significand, 15-bit exponent), added with one rounding, and printed as
 * ld2string(LD_STR_HUMAN) does: {@code "%.17Lf"} with trailing zeros (and a bare '.') removed, "-0" as "0".
 * Values are exact {@link BigDecimal}s rounded to the long double grid (round half to even).
 */
public final class LongDouble {
    private LongDouble() {}

    /** Redis' MAX_LONG_DOUBLE_CHARS: longer input is refused before parsing. */
    static final int MAX_CHARS = 5 * 1024;
    /** Smallest exponent of the significand's last bit: subnormals reach 2^-16445. */
    private static final int MIN_EXP = -16445;
    /** Values at or above 2^16384 overflow to infinity. */
    private static final int MAX_BITS = 16384;
    private static final double LOG2_10 = Math.log(10) / Math.log(2);
    private static final BigInteger FIVE = BigInteger.valueOf(5);

    /** {@code value + incr} for INCRBYFLOAT (a null value counts as 0), formatted as Redis stores it. */
    public static byte[] incrBy(byte[] value, byte[] incr) {
        BigDecimal a = value == null ? BigDecimal.ZERO : parse(value);
        BigDecimal b = parse(incr);
        if (a == null || b == null) throw Errors.NAN_OR_INF; // inf + x, or inf - inf
        BigDecimal sum = round(a.add(b));
        if (sum == null) throw Errors.NAN_OR_INF;
        return format(sum).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * getLongDoubleFromObject: the exact long double value of b; null for +-inf (which strtold accepts);
     * NOT_FLOAT for what strtold does not consume whole, NaN, leading space, overflow and underflow to zero.
     */
    public static BigDecimal parse(byte[] b) {
        int n = b.length;
        if (n == 0 || n > MAX_CHARS) throw Errors.NOT_FLOAT;
        int i = 0;
        boolean neg = false;
        if (b[0] == '+' || b[0] == '-') {
            neg = b[0] == '-';
            i++;
        }
        if (i < n && (b[i] == 'i' || b[i] == 'I' || b[i] == 'n' || b[i] == 'N')) {
            String w = new String(b, i, n - i, StandardCharsets.US_ASCII).toLowerCase(java.util.Locale.ROOT);
            if (w.equals("inf") || w.equals("infinity")) return null;
            throw Errors.NOT_FLOAT; // nan, nan(...) or garbage: refused either way
        }
        BigDecimal exact;
        if (i + 1 < n && b[i] == '0' && (b[i + 1] == 'x' || b[i + 1] == 'X')) exact = parseHex(b, i + 2);
        else exact = parseDecimal(b, i);
        BigDecimal r = round(exact);
        if (r == null || (r.signum() == 0 && exact.signum() != 0)) throw Errors.NOT_FLOAT; // ERANGE
        return neg ? r.negate() : r;
    }

    private static BigDecimal parseDecimal(byte[] b, int i) {
        int n = b.length;
        StringBuilder digits = new StringBuilder();
        int fraction = 0;
        boolean any = false;
        while (i < n && b[i] >= '0' && b[i] <= '9') {
            digits.append((char) b[i++]);
            any = true;
        }
        if (i < n && b[i] == '.') {
            i++;
            while (i < n && b[i] >= '0' && b[i] <= '9') {
                digits.append((char) b[i++]);
                fraction++;
                any = true;
            }
        }
        if (!any) throw Errors.NOT_FLOAT;
        long exp = 0;
        if (i < n && (b[i] == 'e' || b[i] == 'E')) {
            int k = i + 1;
            boolean eneg = false;
            if (k < n && (b[k] == '+' || b[k] == '-')) eneg = b[k++] == '-';
            if (k >= n) throw Errors.NOT_FLOAT; // strtold stops before the 'e': trailing garbage
            for (; k < n; k++) {
                if (b[k] < '0' || b[k] > '9') throw Errors.NOT_FLOAT;
                if (exp < 1_000_000_000L) exp = exp * 10 + (b[k] - '0');
            }
            if (eneg) exp = -exp;
            i = n;
        }
        if (i != n) throw Errors.NOT_FLOAT;
        BigInteger unscaled = new BigInteger(digits.toString());
        if (unscaled.signum() == 0) return BigDecimal.ZERO;
        long scale = fraction - exp;
        // Far outside the long double range (about 1e-4951 .. 1.2e4932): over- or underflow.
        long magnitude = unscaled.toString().length() - scale;
        if (magnitude > 4940 || magnitude < -4960) throw Errors.NOT_FLOAT;
        return new BigDecimal(unscaled, (int) scale);
    }

    /** strtold's hexadecimal form: 0x hexdigits [. hexdigits] [p [+-] digits]. */
    private static BigDecimal parseHex(byte[] b, int i) {
        int n = b.length;
        BigInteger m = BigInteger.ZERO;
        long exp2 = 0;
        boolean any = false;
        boolean dot = false;
        for (; i < n; i++) {
            int d = Character.digit(b[i], 16);
            if (d >= 0) {
                m = m.shiftLeft(4).add(BigInteger.valueOf(d));
                if (dot) exp2 -= 4;
                any = true;
            } else if (b[i] == '.' && !dot) {
                dot = true;
            } else {
                break;
            }
        }
        if (!any) throw Errors.NOT_FLOAT;
        if (i < n && (b[i] == 'p' || b[i] == 'P')) {
            int k = i + 1;
            boolean eneg = false;
            if (k < n && (b[k] == '+' || b[k] == '-')) eneg = b[k++] == '-';
            if (k >= n) throw Errors.NOT_FLOAT;
            long e = 0;
            for (; k < n; k++) {
                if (b[k] < '0' || b[k] > '9') throw Errors.NOT_FLOAT;
                if (e < 1_000_000_000L) e = e * 10 + (b[k] - '0');
            }
            exp2 += eneg ? -e : e;
            i = n;
        }
        if (i != n) throw Errors.NOT_FLOAT;
        if (m.signum() == 0) return BigDecimal.ZERO;
        long magnitude = m.bitLength() + exp2;
        if (magnitude > MAX_BITS + 1 || magnitude < MIN_EXP - 2) throw Errors.NOT_FLOAT;
        return times2(new BigDecimal(m), (int) exp2);
    }

    /** x * 2^e, exactly. */
    private static BigDecimal times2(BigDecimal x, int e) {
        if (e >= 0) return x.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(e)));
        return x.multiply(new BigDecimal(FIVE.pow(-e))).movePointLeft(-e);
    }

    /**
     * Rounds x to the nearest long double (64-bit significand, ties to even, subnormals below
     * 2^-16382); null when the result overflows to infinity.
     */
    public static BigDecimal round(BigDecimal x) {
        int sign = x.signum();
        if (sign == 0) return BigDecimal.ZERO;
        BigDecimal ax = x.abs();
        // estimate floor(log2 |x|), then correct it exactly
        long est = (long) Math.floor(ax.unscaledValue().bitLength() - 1 - ax.scale() * LOG2_10);
        int e = (int) Math.max(Math.min(est - 63, Integer.MAX_VALUE / 2), Integer.MIN_VALUE / 2);
        BigDecimal q;
        while (true) {
            if (e < MIN_EXP) e = MIN_EXP;
            q = times2(ax, -e);
            int bits = q.toBigInteger().bitLength();
            if (bits == 64 || (e == MIN_EXP && bits < 64)) break;
            e += bits - 64;
        }
        BigInteger m = q.setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
        if (m.signum() == 0) return BigDecimal.ZERO;
        if ((long) m.bitLength() + e > MAX_BITS) return null;
        BigDecimal r = times2(new BigDecimal(m), e);
        return sign < 0 ? r.negate() : r;
    }

    /** ld2string(LD_STR_HUMAN): "%.17Lf", trailing zeros and '.' dropped, "-0" shown as "0". */
    public static String format(BigDecimal v) {
        String s = v.setScale(17, RoundingMode.HALF_EVEN).toPlainString();
        int end = s.length();
        if (s.indexOf('.') >= 0) {
            while (s.charAt(end - 1) == '0') end--;
            if (s.charAt(end - 1) == '.') end--;
        }
        s = s.substring(0, end);
        return s.equals("-0") ? "0" : s;
    }
}
