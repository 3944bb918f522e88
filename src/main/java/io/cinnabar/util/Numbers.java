package io.cinnabar.util;

import io.cinnabar.error.RedisError;
import io.netty.buffer.ByteBuf;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Number parsing and formatting with Redis' exact rules: integers as string2ll (no spaces, no '+',
 * no leading zeros), doubles as strtod plus Redis' checks, and "%.17g" output for doubles.
 */
public final class Numbers {
    private Numbers() {}

    private static final byte[] DIGITS = "0123456789".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MIN_LONG = "-9223372036854775808".getBytes(StandardCharsets.US_ASCII);

    /** Parses a Redis integer (string2ll), throwing {@code error} if it is not one. */
    public static long parseLong(byte[] b, RedisError error) {
        long v = parseLongOr(b, Long.MIN_VALUE);
        if (v == Long.MIN_VALUE && !isMinLong(b)) throw error;
        return v;
    }

    private static boolean isMinLong(byte[] b) {
        return java.util.Arrays.equals(b, MIN_LONG);
    }

    /** True when b is exactly the canonical form of a long (what string2ll accepts). */
    public static boolean isLong(byte[] b) {
        return parseLongOr(b, Long.MIN_VALUE) != Long.MIN_VALUE || isMinLong(b);
    }

    /** Parses string2ll-style, returning {@code fallback} when invalid. */
    public static long parseLongOr(byte[] b, long fallback) {
        int n = b.length;
        if (n == 0 || n > 20) return fallback;
        if (n == 1 && b[0] == '0') return 0;
        int i = 0;
        boolean neg = false;
        if (b[0] == '-') {
            neg = true;
            i = 1;
            if (n == 1) return fallback;
        }
        if (b[i] < '1' || b[i] > '9') return fallback;
        long v = 0; // accumulate negatively to reach Long.MIN_VALUE
        for (; i < n; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) return fallback;
            if (v < (Long.MIN_VALUE + d) / 10) return fallback;
            v = v * 10 - d;
        }
        if (neg) return v;
        if (v == Long.MIN_VALUE) return fallback;
        return -v;
    }

    public static byte[] longToBytes(long v) {
        if (v == Long.MIN_VALUE) return MIN_LONG.clone();
        int len = digits(v);
        byte[] out = new byte[len];
        long a = Math.abs(v);
        int p = len - 1;
        do {
            out[p--] = DIGITS[(int) (a % 10)];
            a /= 10;
        } while (a != 0);
        if (v < 0) out[0] = '-';
        return out;
    }

    /** Number of characters of v's decimal form, sign included. */
    public static int digits(long v) {
        if (v == Long.MIN_VALUE) return 20;
        int n = v < 0 ? 2 : 1;
        long a = Math.abs(v);
        while (a >= 10) {
            a /= 10;
            n++;
        }
        return n;
    }

    /** Writes v's decimal form into b without allocating. */
    public static void writeLong(ByteBuf b, long v) {
        if (v == Long.MIN_VALUE) {
            b.writeBytes(MIN_LONG);
            return;
        }
        if (v < 0) {
            b.writeByte('-');
            v = -v;
        }
        if (v < 10) {
            b.writeByte('0' + (int) v);
            return;
        }
        int len = digits(v);
        int start = b.writerIndex();
        b.ensureWritable(len);
        int p = start + len - 1;
        while (v != 0) {
            b.setByte(p--, '0' + (int) (v % 10));
            v /= 10;
        }
        b.writerIndex(start + len);
    }

    // ---- doubles ----

    /**
     * Parses a double as Redis' getDoubleFromObject: strtod syntax, the whole string consumed, no
     * leading space, not NaN; "inf", "+inf", "-inf", "infinity" accepted in any case.
     * Returns NaN when invalid (callers turn that into their own error).
     */
    public static double parseDouble(byte[] b) {
        int n = b.length;
        if (n == 0 || n > 5000) return Double.NaN;
        int i = 0;
        boolean neg = false;
        if (b[0] == '+' || b[0] == '-') {
            neg = b[0] == '-';
            i = 1;
        }
        if (i < n && (b[i] == 'i' || b[i] == 'I')) {
            String rest = new String(b, i, n - i, StandardCharsets.US_ASCII).toLowerCase(java.util.Locale.ROOT);
            if (rest.equals("inf") || rest.equals("infinity")) return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            return Double.NaN;
        }
        // digits [. digits] [e[+-]digits]
        int digits = 0;
        int j = i;
        while (j < n && b[j] >= '0' && b[j] <= '9') {
            j++;
            digits++;
        }
        if (j < n && b[j] == '.') {
            j++;
            while (j < n && b[j] >= '0' && b[j] <= '9') {
                j++;
                digits++;
            }
        }
        if (digits == 0) return Double.NaN;
        if (j < n && (b[j] == 'e' || b[j] == 'E')) {
            int k = j + 1;
            if (k < n && (b[k] == '+' || b[k] == '-')) k++;
            int ed = 0;
            while (k < n && b[k] >= '0' && b[k] <= '9') {
                k++;
                ed++;
            }
            if (ed == 0) return Double.NaN;
            j = k;
        }
        if (j != n) return Double.NaN;
        double d = Double.parseDouble(new String(b, 0, n, StandardCharsets.US_ASCII));
        // strtod's ERANGE on overflow: Redis refuses it (HUGE_VAL with ERANGE).
        if (Double.isInfinite(d)) return Double.NaN;
        return d;
    }

    /** Redis' "%.17g" rendering for replies (addReplyDouble), with "inf"/"-inf". */
    public static byte[] formatDouble(double d) {
        return formatG17(d).getBytes(StandardCharsets.US_ASCII);
    }

    public static String formatG17(double d) {
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (Double.isNaN(d)) return "nan";
        if (d == 0) return (1 / d < 0) ? "-0" : "0";
        // an integral value below 1e17 prints as its integer digits under %.17g: skip BigDecimal
        if (d == Math.rint(d) && Math.abs(d) < 1e17) return Long.toString((long) d);
        return formatG(d, 17);
    }

    /** C's %.{precision}g for a finite non-zero double. */
    public static String formatG(double d, int precision) {
        BigDecimal bd = new BigDecimal(d).round(new MathContext(precision, RoundingMode.HALF_EVEN));
        int exp = bd.precision() - bd.scale() - 1; // decimal exponent of the leading digit
        String out;
        if (exp < -4 || exp >= precision) {
            BigDecimal unscaled = bd.movePointLeft(exp);
            String mant = stripZeros(unscaled.toPlainString());
            String es = Integer.toString(Math.abs(exp));
            out = mant + "e" + (exp < 0 ? "-" : "+") + (es.length() < 2 ? "0" + es : es);
        } else {
            out = stripZeros(bd.toPlainString());
        }
        return out;
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) return s;
        int end = s.length();
        while (s.charAt(end - 1) == '0') end--;
        if (s.charAt(end - 1) == '.') end--;
        return s.substring(0, end);
    }

    /**
     * d2string: integers in integer form, otherwise %.17g (how Redis stores scores as strings).
     * "Integer" is 7.0's double2ll: integral and within +-LLONG_MAX/2.
     */
    public static String d2string(double d) {
        if (!Double.isInfinite(d) && !Double.isNaN(d) && d == Math.rint(d) && Math.abs(d) <= (double) (Long.MAX_VALUE / 2)) {
            if (d == 0) return (1 / d < 0) ? "-0" : "0";
            return Long.toString((long) d);
        }
        return formatG17(d);
    }
}
