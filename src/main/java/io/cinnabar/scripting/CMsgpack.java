package io.cinnabar.scripting;

import java.io.ByteArrayOutputStream;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * lua-cmsgpack 0.4.0 as Redis bundles it: pack(...) concatenates the encodings of its
 * arguments (tables nested deeper than 16 become nil, which is how circular references end;
 * a table with keys 1..n and nothing else is an array, any other a map; integral numbers are
 * the smallest int encoding, others a float when exact, else a double); unpack, unpack_one
 * and unpack_limit decode a stream of values.
 */
final class CMsgpack {
    private static final int MAX_NESTING = 16;

    private CMsgpack() {}

    static LuaTable library(LuaEngine engine) {
        LuaTable t = new LuaTable();
        t.set("pack", new VarArgFunction() {
            @Override public Varargs invoke(Varargs a) {
                if (a.narg() == 0) throw engine.error("bad argument #0 to 'pack' (MessagePack pack needs input.)");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (int i = 1; i <= a.narg(); i++) encode(out, a.arg(i), 0);
                return LuaValue.valueOf(out.toByteArray());
            }
        });
        t.set("unpack", new VarArgFunction() {
            @Override public Varargs invoke(Varargs a) {
                return unpack(engine, a.checkstring(1), 0, 0);
            }
        });
        t.set("unpack_one", new VarArgFunction() {
            @Override public Varargs invoke(Varargs a) {
                return unpack(engine, a.checkstring(1), 1, a.optlong(2, 0));
            }
        });
        t.set("unpack_limit", new VarArgFunction() {
            @Override public Varargs invoke(Varargs a) {
                return unpack(engine, a.checkstring(1), a.checklong(2), a.optlong(3, 0));
            }
        });
        t.set("_NAME", "cmsgpack");
        t.set("_VERSION", "lua-cmsgpack 0.4.0");
        t.set("_COPYRIGHT", "Copyright (C) 2012, Salvatore Sanfilippo");
        t.set("_DESCRIPTION", "MessagePack C implementation for Lua");
        return t;
    }

    // ---- encoding ----

    private static void encode(ByteArrayOutputStream out, LuaValue v, int level) {
        int type = v.type();
        if (type == LuaValue.TTABLE && level == MAX_NESTING) type = LuaValue.TNIL;
        switch (type) {
            case LuaValue.TSTRING -> bytes(out, v.checkstring());
            case LuaValue.TBOOLEAN -> out.write(v.toboolean() ? 0xc3 : 0xc2);
            case LuaValue.TNUMBER -> number(out, v.todouble());
            case LuaValue.TTABLE -> table(out, (LuaTable) v, level);
            default -> out.write(0xc0);
        }
    }

    private static void bytes(ByteArrayOutputStream out, LuaString s) {
        int len = s.m_length;
        if (len < 32) {
            out.write(0xa0 | len);
        } else if (len <= 0xff) {
            out.write(0xd9);
            out.write(len);
        } else if (len <= 0xffff) {
            out.write(0xda);
            be(out, len, 2);
        } else {
            out.write(0xdb);
            be(out, len, 4);
        }
        out.write(s.m_bytes, s.m_offset, len);
    }

    private static void be(ByteArrayOutputStream out, long v, int n) {
        for (int i = n - 1; i >= 0; i--) out.write((int) (v >>> (8 * i)) & 0xff);
    }

    /** mp_encode_lua_number: an int64-equivalent double is an integer, others float or double. */
    private static void number(ByteArrayOutputStream out, double d) {
        if (d >= -0x1p63 && d < 0x1p63 && (long) d == d) {
            integer(out, (long) d);
        } else if ((double) (float) d == d || Double.isNaN(d)) {
            out.write(0xca);
            be(out, Float.floatToRawIntBits((float) d) & 0xffffffffL, 4);
        } else {
            out.write(0xcb);
            be(out, Double.doubleToRawLongBits(d), 8);
        }
    }

    private static void integer(ByteArrayOutputStream out, long n) {
        if (n >= 0) {
            if (n <= 127) {
                out.write((int) n);
            } else if (n <= 0xff) {
                out.write(0xcc);
                out.write((int) n);
            } else if (n <= 0xffff) {
                out.write(0xcd);
                be(out, n, 2);
            } else if (n <= 0xffffffffL) {
                out.write(0xce);
                be(out, n, 4);
            } else {
                out.write(0xcf);
                be(out, n, 8);
            }
        } else if (n >= -32) {
            out.write((int) n & 0xff);
        } else if (n >= -128) {
            out.write(0xd0);
            out.write((int) n & 0xff);
        } else if (n >= -32768) {
            out.write(0xd1);
            be(out, n, 2);
        } else if (n >= Integer.MIN_VALUE) {
            out.write(0xd2);
            be(out, n, 4);
        } else {
            out.write(0xd3);
            be(out, n, 8);
        }
    }

    private static void header(ByteArrayOutputStream out, long n, int fix, int b16, int b32) {
        if (n <= 15) {
            out.write(fix | (int) n);
        } else if (n <= 65535) {
            out.write(b16);
            be(out, n, 2);
        } else {
            out.write(b32);
            be(out, n, 4);
        }
    }

    private static void table(ByteArrayOutputStream out, LuaTable t, int level) {
        if (isArray(t)) {
            int len = t.length();
            header(out, len, 0x90, 0xdc, 0xdd);
            for (int j = 1; j <= len; j++) encode(out, t.get(j), level + 1);
            return;
        }
        long len = 0;
        LuaValue k = LuaValue.NIL;
        while (!(k = t.next(k).arg1()).isnil()) len++;
        header(out, len, 0x80, 0xde, 0xdf);
        k = LuaValue.NIL;
        while (true) {
            Varargs n = t.next(k);
            if ((k = n.arg1()).isnil()) break;
            encode(out, k, level + 1);
            encode(out, n.arg(2), level + 1);
        }
    }

    /** table_is_an_array: only positive integral keys, as many as the largest one. */
    private static boolean isArray(LuaTable t) {
        long count = 0;
        double max = 0;
        LuaValue k = LuaValue.NIL;
        while (true) {
            k = t.next(k).arg1();
            if (k.isnil()) break;
            if (k.type() != LuaValue.TNUMBER) return false;
            double n = k.todouble();
            if (n <= 0 || n != (int) n) return false;
            if (n > max) max = n;
            count++;
        }
        return max == count;
    }

    // ---- decoding ----

    /** mp_unpack_full: decodes up to {@code limit} values (all when limit and offset are 0). */
    private static Varargs unpack(LuaEngine engine, LuaString s, long limit, long offset) {
        int len = s.m_length;
        boolean all = limit == 0 && offset == 0;
        if (offset < 0 || limit < 0) {
            throw engine.error("Invalid request to unpack with offset of " + (int) offset + " and limit of " + len + ".");
        }
        if (offset > len) throw engine.error("Start offset " + (int) offset + " greater than input length " + len + ".");
        if (all) limit = Integer.MAX_VALUE;
        Cursor c = new Cursor(s.m_bytes, s.m_offset + (int) offset, s.m_offset + len);
        java.util.ArrayList<LuaValue> values = new java.util.ArrayList<>();
        if (!all) values.add(LuaValue.NIL);
        for (long n = 0; c.pos < c.end && n < limit; n++) {
            LuaValue v = c.decode();
            if (c.err == Cursor.EOF) throw engine.error("Missing bytes in input.");
            if (c.err == Cursor.BADFMT) throw engine.error("Bad data format in input.");
            values.add(v);
        }
        if (!all) {
            values.set(0, LuaValue.valueOf(c.pos == c.end ? -1 : c.pos - s.m_offset));
        }
        return LuaValue.varargsOf(values.toArray(new LuaValue[0]));
    }

    private static final class Cursor {
        static final int EOF = 1;
        static final int BADFMT = 2;
        final byte[] b;
        int pos;
        final int end;
        int err;

        Cursor(byte[] b, int pos, int end) {
            this.b = b;
            this.pos = pos;
            this.end = end;
        }

        private boolean need(long n) {
            if (end - pos < n) {
                err = EOF;
                return false;
            }
            return true;
        }

        private long be(int at, int n) {
            long v = 0;
            for (int i = 0; i < n; i++) v = (v << 8) | (b[at + i] & 0xff);
            return v;
        }

        /** Reads an {@code n}-byte big-endian field after the type byte, or -1 on EOF. */
        private long field(int n) {
            if (!need(1 + n)) return -1;
            long v = be(pos + 1, n);
            pos += 1 + n;
            return v;
        }

        private LuaValue string(long l) {
            if (l < 0 || !need(l)) return LuaValue.NIL;
            LuaValue v = LuaValue.valueOf(java.util.Arrays.copyOfRange(b, pos, pos + (int) l));
            pos += (int) l;
            return v;
        }

        LuaValue decode() {
            if (!need(1)) return LuaValue.NIL;
            int t = b[pos] & 0xff;
            long v;
            switch (t) {
                case 0xcc: return (v = field(1)) < 0 ? LuaValue.NIL : LuaValue.valueOf(v);
                case 0xcd: return (v = field(2)) < 0 ? LuaValue.NIL : LuaValue.valueOf(v);
                case 0xce: return (v = field(4)) < 0 ? LuaValue.NIL : LuaValue.valueOf(v);
                case 0xd0: return (v = field(1)) < 0 ? LuaValue.NIL : LuaValue.valueOf((byte) v);
                case 0xd1: return (v = field(2)) < 0 ? LuaValue.NIL : LuaValue.valueOf((short) v);
                case 0xd2: return (v = field(4)) < 0 ? LuaValue.NIL : LuaValue.valueOf((int) v);
                case 0xcf: case 0xd3:
                    if (!need(9)) return LuaValue.NIL;
                    v = be(pos + 1, 8);
                    pos += 9;
                    return LuaValue.valueOf((double) v);
                case 0xc0: pos++; return LuaValue.NIL;
                case 0xc3: pos++; return LuaValue.TRUE;
                case 0xc2: pos++; return LuaValue.FALSE;
                case 0xca: return (v = field(4)) < 0 ? LuaValue.NIL
                        : LuaValue.valueOf((double) Float.intBitsToFloat((int) v));
                case 0xcb:
                    if (!need(9)) return LuaValue.NIL;
                    v = be(pos + 1, 8);
                    pos += 9;
                    return LuaValue.valueOf(Double.longBitsToDouble(v));
                case 0xd9: return string(field(1));
                case 0xda: return string(field(2));
                case 0xdb: return string(field(4));
                case 0xdc: return (v = field(2)) < 0 ? LuaValue.NIL : array(v);
                case 0xdd: return (v = field(4)) < 0 ? LuaValue.NIL : array(v);
                case 0xde: return (v = field(2)) < 0 ? LuaValue.NIL : map(v);
                case 0xdf: return (v = field(4)) < 0 ? LuaValue.NIL : map(v);
                default:
            }
            if ((t & 0x80) == 0) {
                pos++;
                return LuaValue.valueOf(t);
            } else if ((t & 0xe0) == 0xe0) {
                pos++;
                return LuaValue.valueOf((byte) t);
            } else if ((t & 0xe0) == 0xa0) {
                if (!need(1 + (t & 0x1f))) return LuaValue.NIL;
                pos++;
                return string(t & 0x1f);
            } else if ((t & 0xf0) == 0x90) {
                pos++;
                return array(t & 0xf);
            } else if ((t & 0xf0) == 0x80) {
                pos++;
                return map(t & 0xf);
            }
            err = BADFMT;
            return LuaValue.NIL;
        }

        private LuaValue array(long len) {
            LuaTable t = new LuaTable();
            for (long i = 1; i <= len; i++) {
                LuaValue v = decode();
                if (err != 0) return t;
                t.set((int) i, v);
            }
            return t;
        }

        private LuaValue map(long len) {
            LuaTable t = new LuaTable();
            while (len-- > 0) {
                LuaValue k = decode();
                if (err != 0) return t;
                LuaValue v = decode();
                if (err != 0) return t;
                if (k.isnil()) throw new org.luaj.vm2.LuaError("table index is nil");
                t.set(k, v);
            }
            return t;
        }
    }
}
