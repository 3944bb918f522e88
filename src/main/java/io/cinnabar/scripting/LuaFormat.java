package io.cinnabar.scripting;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** Lua 5.1's string.format with C printf semantics for width, precision and flags (LuaJ's ignores them). */
final class LuaFormat extends VarArgFunction {
    private final LuaEngine engine;

    LuaFormat(LuaEngine engine) {
        this.engine = engine;
    }

    @Override public Varargs invoke(Varargs args) {
        LuaString fmt = args.checkstring(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int arg = 1;
        int n = fmt.m_length;
        byte[] f = fmt.m_bytes;
        int off = fmt.m_offset;
        for (int i = 0; i < n; i++) {
            int c = f[off + i] & 0xff;
            if (c != '%') {
                out.write(c);
                continue;
            }
            if (++i >= n) throw engine.error("invalid option '%' to 'format'");
            if (f[off + i] == '%') {
                out.write('%');
                continue;
            }
            int start = i;
            StringBuilder flags = new StringBuilder();
            while (i < n && "-+ #0".indexOf(f[off + i]) >= 0) flags.append((char) f[off + i++]);
            if (flags.length() > 5) throw engine.error("invalid format (repeated flags)");
            int width = -1;
            int digits = 0;
            while (i < n && Character.isDigit(f[off + i])) {
                width = (width < 0 ? 0 : width * 10) + (f[off + i++] - '0');
                digits++;
            }
            int precision = -1;
            int pdigits = 0;
            if (i < n && f[off + i] == '.') {
                i++;
                precision = 0;
                while (i < n && Character.isDigit(f[off + i])) {
                    precision = precision * 10 + (f[off + i++] - '0');
                    pdigits++;
                }
            }
            if (digits > 2 || pdigits > 2) throw engine.error("invalid format (width or precision too long)");
            if (i >= n) throw engine.error("invalid option '%" + new String(f, off + start, i - start, StandardCharsets.ISO_8859_1) + "' to 'format'");
            char conv = (char) f[off + i];
            arg++;
            String fl = flags.toString();
            switch (conv) {
                case 'c':
                    pad(out, new byte[] {(byte) args.checkint(arg)}, fl, width);
                    break;
                case 'd': case 'i': {
                    long v = (long) args.checkdouble(arg);
                    String s = Long.toString(Math.abs(v));
                    if (precision >= 0) {
                        while (s.length() < precision) s = "0" + s;
                        if (precision == 0 && v == 0) s = "";
                    }
                    String sign = v < 0 ? "-" : fl.contains("+") ? "+" : fl.contains(" ") ? " " : "";
                    number(out, sign, s, fl, width, precision < 0);
                    break;
                }
                case 'o': case 'u': case 'x': case 'X': {
                    long v = (long) args.checkdouble(arg);
                    String s = conv == 'o' ? Long.toOctalString(v) : conv == 'u' ? Long.toUnsignedString(v)
                            : Long.toHexString(v);
                    if (conv == 'X') s = s.toUpperCase(java.util.Locale.ROOT);
                    if (precision >= 0) while (s.length() < precision) s = "0" + s;
                    String prefix = fl.contains("#") && v != 0 ? (conv == 'x' ? "0x" : conv == 'X' ? "0X" : conv == 'o' ? "0" : "") : "";
                    number(out, prefix, s, fl, width, precision < 0);
                    break;
                }
                case 'e': case 'E': case 'f': case 'g': case 'G': {
                    double v = args.checkdouble(arg);
                    String sign = (v < 0 || (v == 0 && 1 / v < 0)) ? "-" : fl.contains("+") ? "+" : fl.contains(" ") ? " " : "";
                    String body = formatFloat(Math.abs(v), conv, precision < 0 ? 6 : precision, fl.contains("#"));
                    number(out, sign, body, fl, width, !Double.isInfinite(v) && !Double.isNaN(v));
                    break;
                }
                case 'q':
                    quoted(out, args.checkstring(arg));
                    break;
                case 's': {
                    LuaValue v = args.arg(arg);
                    LuaString s = v.type() == LuaValue.TNUMBER ? LuaValue.valueOf(LuaNumbers.format14g(v.todouble()))
                            : v.isstring() ? v.checkstring() : LuaValue.valueOf(tostring(v));
                    byte[] b = new byte[s.m_length];
                    System.arraycopy(s.m_bytes, s.m_offset, b, 0, b.length);
                    if (precision >= 0 && precision < b.length) b = java.util.Arrays.copyOf(b, precision);
                    pad(out, b, fl, width);
                    break;
                }
                default:
                    throw engine.error("invalid option '%" + new String(f, off + start, i - start + 1, StandardCharsets.ISO_8859_1)
                            + "' to 'format'");
            }
        }
        return LuaValue.valueOf(out.toByteArray());
    }

    private static String tostring(LuaValue v) {
        if (v.isnil()) throw new org.luaj.vm2.LuaError("bad argument to 'format' (string expected, got no value)");
        return v.tojstring();
    }

    private static void pad(ByteArrayOutputStream out, byte[] b, String fl, int width) {
        int padding = Math.max(0, width - b.length);
        if (!fl.contains("-")) for (int j = 0; j < padding; j++) out.write(' ');
        out.writeBytes(b);
        if (fl.contains("-")) for (int j = 0; j < padding; j++) out.write(' ');
    }

    private static void number(ByteArrayOutputStream out, String sign, String body, String fl, int width, boolean zeroOk) {
        int len = sign.length() + body.length();
        int padding = Math.max(0, width - len);
        StringBuilder sb = new StringBuilder();
        if (fl.contains("-")) {
            sb.append(sign).append(body);
            for (int j = 0; j < padding; j++) sb.append(' ');
        } else if (fl.contains("0") && zeroOk) {
            sb.append(sign);
            for (int j = 0; j < padding; j++) sb.append('0');
            sb.append(body);
        } else {
            for (int j = 0; j < padding; j++) sb.append(' ');
            sb.append(sign).append(body);
        }
        out.writeBytes(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** %e/%f/%g of a non-negative double, as C prints it. */
    static String formatFloat(double v, char conv, int precision, boolean alt) {
        boolean upper = Character.isUpperCase(conv);
        if (Double.isNaN(v)) return upper ? "NAN" : "nan";
        if (Double.isInfinite(v)) return upper ? "INF" : "inf";
        char lc = Character.toLowerCase(conv);
        String s;
        if (lc == 'f') {
            s = new BigDecimal(v).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
            if (alt && precision == 0) s += ".";
        } else if (lc == 'e') {
            s = exp(v, precision, alt);
        } else {
            int p = precision == 0 ? 1 : precision;
            int x = v == 0 ? 0 : new BigDecimal(v).round(new MathContext(p, RoundingMode.HALF_EVEN)).precision()
                    - new BigDecimal(v).round(new MathContext(p, RoundingMode.HALF_EVEN)).scale() - 1;
            if (p > x && x >= -4) {
                s = new BigDecimal(v).setScale(p - 1 - x, RoundingMode.HALF_EVEN).toPlainString();
            } else {
                s = exp(v, p - 1, alt);
            }
            if (!alt) s = stripZeros(s);
        }
        return upper ? s.toUpperCase(java.util.Locale.ROOT) : s;
    }

    private static String exp(double v, int precision, boolean alt) {
        if (v == 0) {
            StringBuilder z = new StringBuilder("0");
            if (precision > 0 || alt) z.append('.');
            for (int j = 0; j < precision; j++) z.append('0');
            return z.append("e+00").toString();
        }
        BigDecimal bd = new BigDecimal(v).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
        int e = bd.precision() - bd.scale() - 1;
        String digits = bd.unscaledValue().abs().toString();
        while (digits.length() < precision + 1) digits += "0";
        digits = digits.substring(0, precision + 1);
        StringBuilder sb = new StringBuilder().append(digits.charAt(0));
        if (precision > 0 || alt) sb.append('.');
        sb.append(digits, 1, digits.length());
        sb.append('e').append(e < 0 ? '-' : '+');
        int ae = Math.abs(e);
        if (ae < 10) sb.append('0');
        return sb.append(ae).toString();
    }

    private static String stripZeros(String s) {
        int e = s.indexOf('e');
        String mant = e < 0 ? s : s.substring(0, e);
        String tail = e < 0 ? "" : s.substring(e);
        if (mant.indexOf('.') >= 0) {
            int end = mant.length();
            while (mant.charAt(end - 1) == '0') end--;
            if (mant.charAt(end - 1) == '.') end--;
            mant = mant.substring(0, end);
        }
        return mant + tail;
    }

    private static void quoted(ByteArrayOutputStream out, LuaString s) {
        out.write('"');
        for (int j = 0; j < s.m_length; j++) {
            int c = s.m_bytes[s.m_offset + j] & 0xff;
            switch (c) {
                case '"': case '\\': case '\n':
                    out.write('\\');
                    out.write(c);
                    break;
                case '\r':
                    out.writeBytes("\\r".getBytes(StandardCharsets.ISO_8859_1));
                    break;
                case 0:
                    out.writeBytes("\\000".getBytes(StandardCharsets.ISO_8859_1));
                    break;
                default:
                    out.write(c);
            }
        }
        out.write('"');
    }
}
