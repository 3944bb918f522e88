package io.cinnabar.scripting;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * Roberto Ierusalimschy's struct library (pack/unpack/size) as Redis bundles it, with the
 * sizes and alignment of x86-64 Linux: b/B char, h/H short, i/I int (or iN), l/L long and T
 * size_t (8), f float, d double, cN fixed string, s zero-terminated string, x padding,
 * {@code < > !N} endianness and alignment; little-endian by default.
 */
final class StructLib {
    private static final int MAXINTSIZE = 32;
    private static final int MAXALIGN = 8;

    private StructLib() {}

    static LuaTable library(LuaEngine engine) {
        LuaTable t = new LuaTable();
        t.set("pack", new VarArgFunction() {
            @Override public Varargs invoke(Varargs a) {
                return new Format(engine, a.checkstring(1), "pack").pack(a);
            }
        });
        t.set("unpack", new VarArgFunction() {
            @Override public Varargs invoke(Varargs a) {
                return new Format(engine, a.checkstring(1), "unpack").unpack(a);
            }
        });
        t.set("size", new VarArgFunction() {
            @Override public Varargs invoke(Varargs a) {
                return new Format(engine, a.checkstring(1), "size").size();
            }
        });
        return t;
    }

    /** A format string being walked, with its endianness and alignment (Header). */
    private static final class Format {
        private final LuaEngine engine;
        private final LuaString fmt;
        private final String fname;
        private int at;
        private boolean little = true;
        private int align = 1;

        Format(LuaEngine engine, LuaString fmt, String fname) {
            this.engine = engine;
            this.fmt = fmt;
            this.fname = fname;
        }

        private boolean more() {
            return at < fmt.m_length && fmt.m_bytes[fmt.m_offset + at] != 0;
        }

        private int peek() {
            return at < fmt.m_length ? fmt.m_bytes[fmt.m_offset + at] & 0xff : 0;
        }

        private int getnum(int df) {
            if (!Character.isDigit(peek())) return df;
            int a = 0;
            do {
                int d = peek() - '0';
                if (a > Integer.MAX_VALUE / 10 || a * 10 > Integer.MAX_VALUE - d) {
                    throw engine.error("integral size overflow");
                }
                a = a * 10 + d;
                at++;
            } while (Character.isDigit(peek()));
            return a;
        }

        private int optsize(int opt) {
            switch (opt) {
                case 'B': case 'b': case 'x': return 1;
                case 'H': case 'h': return 2;
                case 'L': case 'l': case 'T': case 'd': return 8;
                case 'f': return 4;
                case 'c': return getnum(1);
                case 'i': case 'I': {
                    int sz = getnum(4);
                    if (sz > MAXINTSIZE) {
                        throw engine.error("integral size " + sz + " is larger than limit of " + MAXINTSIZE);
                    }
                    return sz;
                }
                default: return 0;
            }
        }

        private int toalign(long len, int opt, int size) {
            if (size == 0 || opt == 'c') return 0;
            if (size > align) size = align;
            return (int) ((size - (len & (size - 1))) & (size - 1));
        }

        private void control(int opt) {
            switch (opt) {
                case ' ': return;
                case '>': little = false; return;
                case '<': little = true; return;
                case '!': {
                    int a = getnum(MAXALIGN);
                    if (a <= 0 || (a & (a - 1)) != 0) throw engine.error("alignment " + a + " is not a power of 2");
                    align = a;
                    return;
                }
                default:
                    throw argError(1, "invalid format option '" + (char) opt + "'");
            }
        }

        private org.luaj.vm2.LuaError argError(int arg, String msg) {
            return engine.error("bad argument #" + arg + " to '" + fname + "' (" + msg + ")");
        }

        private double number(Varargs a, int arg) {
            LuaValue v = a.arg(arg);
            if (!v.isnumber()) throw argError(arg, "number expected, got " + (v.isnil() ? "no value" : v.typename()));
            return v.todouble();
        }

        Varargs pack(Varargs a) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int arg = 2;
            long total = 0;
            while (more()) {
                int opt = peek();
                at++;
                int size = optsize(opt);
                int pad = toalign(total, opt, size);
                total += pad;
                while (pad-- > 0) out.write(0);
                switch (opt) {
                    case 'b': case 'B': case 'h': case 'H': case 'l': case 'L': case 'T': case 'i': case 'I': {
                        double n = number(a, arg++);
                        long value = n < 0 ? (long) n : n >= 0x1p63 ? (long) (n - 0x1p63) ^ Long.MIN_VALUE : (long) n;
                        putBytes(out, value, size);
                        break;
                    }
                    case 'x':
                        out.write(0);
                        break;
                    case 'f':
                        putBytes(out, Float.floatToRawIntBits((float) number(a, arg++)) & 0xffffffffL, 4);
                        break;
                    case 'd':
                        putBytes(out, Double.doubleToRawLongBits(number(a, arg++)), 8);
                        break;
                    case 'c': case 's': {
                        LuaValue v = a.arg(arg++);
                        if (!v.isstring()) {
                            throw argError(arg - 1, "string expected, got " + (v.isnil() ? "no value" : v.typename()));
                        }
                        LuaString s = v.strvalue();
                        if (size == 0) size = s.m_length;
                        if (s.m_length < size) throw argError(arg, "string too short");
                        out.write(s.m_bytes, s.m_offset, size);
                        if (opt == 's') {
                            out.write(0);
                            size++;
                        }
                        break;
                    }
                    default:
                        control(opt);
                }
                total += size;
            }
            return LuaValue.valueOf(out.toByteArray());
        }

        private void putBytes(ByteArrayOutputStream out, long value, int size) {
            byte[] b = new byte[size];
            for (int i = 0; i < size; i++) {
                b[little ? i : size - 1 - i] = (byte) value;
                value = i < 7 ? value >>> 8 : 0;
            }
            out.writeBytes(b);
        }

        private long getBytes(byte[] d, int from, int size) {
            long l = 0;
            for (int i = 0; i < size; i++) {
                int idx = little ? from + size - 1 - i : from + i;
                l = (l << 8) | (d[idx] & 0xff);
            }
            return l;
        }

        Varargs unpack(Varargs a) {
            LuaValue dv = a.arg(2);
            if (!dv.isstring()) throw argError(2, "string expected, got " + (dv.isnil() ? "no value" : dv.typename()));
            LuaString data = dv.strvalue();
            byte[] d = data.m_bytes;
            int base = data.m_offset;
            long ld = data.m_length;
            long pos = a.optlong(3, 1);
            if (pos <= 0) throw argError(3, "offset must be 1 or greater");
            pos--;
            ArrayList<LuaValue> res = new ArrayList<>();
            while (more()) {
                int opt = peek();
                at++;
                int size = optsize(opt);
                pos += toalign(pos, opt, size);
                if (!(size <= ld && pos <= ld - size)) throw argError(2, "data string too short");
                int p = base + (int) pos;
                switch (opt) {
                    case 'b': case 'B': case 'h': case 'H': case 'l': case 'L': case 'T': case 'i': case 'I': {
                        long l = getBytes(d, p, Math.min(size, 8));
                        double v;
                        if (Character.isLowerCase(opt)) {
                            if (size < 8 && size > 0 && (l & (1L << (size * 8 - 1))) != 0) l |= -1L << (size * 8 - 1);
                            v = l;
                        } else {
                            v = l >= 0 ? l : (double) (l >>> 1) * 2.0 + (l & 1);
                        }
                        res.add(LuaValue.valueOf(v));
                        break;
                    }
                    case 'x':
                        break;
                    case 'f':
                        res.add(LuaValue.valueOf((double) Float.intBitsToFloat((int) getBytes(d, p, 4))));
                        break;
                    case 'd':
                        res.add(LuaValue.valueOf(Double.longBitsToDouble(getBytes(d, p, 8))));
                        break;
                    case 'c': {
                        if (size == 0) {
                            if (res.isEmpty() || !res.get(res.size() - 1).isnumber()) {
                                throw engine.error("format 'c0' needs a previous size");
                            }
                            size = (int) res.remove(res.size() - 1).todouble();
                            if (!(size <= ld && pos <= ld - size)) throw argError(2, "data string too short");
                        }
                        res.add(LuaValue.valueOf(java.util.Arrays.copyOfRange(d, p, p + size)));
                        break;
                    }
                    case 's': {
                        int e = p;
                        while (e < base + ld && d[e] != 0) e++;
                        if (e == base + ld) throw engine.error("unfinished string in data");
                        size = e - p + 1;
                        res.add(LuaValue.valueOf(java.util.Arrays.copyOfRange(d, p, e)));
                        break;
                    }
                    default:
                        control(opt);
                }
                pos += size;
            }
            res.add(LuaValue.valueOf(pos + 1));
            return LuaValue.varargsOf(res.toArray(new LuaValue[0]));
        }

        Varargs size() {
            long pos = 0;
            while (more()) {
                int opt = peek();
                at++;
                int size = optsize(opt);
                pos += toalign(pos, opt, size);
                if (opt == 's') throw argError(1, "option 's' has no fixed size");
                if (opt == 'c' && size == 0) throw argError(1, "option 'c0' has no fixed size");
                if (!Character.isLetterOrDigit(opt)) control(opt);
                pos += size;
            }
            return LuaValue.valueOf(pos);
        }
    }
}
