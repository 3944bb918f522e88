package io.cinnabar.scripting;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * lua-cjson 2.1 as Redis bundles it: encode (numbers as %.14g, '/' escaped, empty tables as
 * {@code {}}, sparse-array and nesting limits, its error texts) and decode (null as cjson.null,
 * the same "Expected X but found Y at character N" errors).
 */
final class CJson {
    private CJson() {}

    /** cjson.null: a light userdata NULL in C, a singleton here. */
    static final LuaUserdata NULL = new LuaUserdata(new Object());

    /** One library instance's settings (json_config_t), with lua-cjson's defaults. */
    private static final class Cfg {
        boolean sparseConvert;
        int sparseRatio = 2;
        int sparseSafe = 10;
        int encodeMaxDepth = 1000;
        int decodeMaxDepth = 1000;
        /** 0 off, 1 on ("nan"), 2 "null". */
        int encodeInvalid;
        boolean decodeInvalid = true;
        boolean keepBuffer = true;
        int precision = 14;
    }

    private interface Op {
        Varargs run(Varargs a);
    }

    private static VarArgFunction fn(Op op) {
        return new VarArgFunction() {
            @Override public Varargs invoke(Varargs a) {
                return op.run(a);
            }
        };
    }

    static LuaTable library(LuaEngine engine) {
        LuaTable t = new LuaTable();
        Cfg cfg = new Cfg();
        t.set("encode", fn(a -> {
            if (a.narg() != 1) throw engine.error("bad argument #1 to 'encode' (expected 1 argument)");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            encode(engine, cfg, out, a.arg1(), 0);
            return LuaValue.valueOf(out.toByteArray());
        }));
        t.set("decode", fn(a -> {
            if (a.narg() != 1) throw engine.error("bad argument #1 to 'decode' (expected 1 argument)");
            LuaString s = a.checkstring(1);
            byte[] b = new byte[s.m_length];
            System.arraycopy(s.m_bytes, s.m_offset, b, 0, s.m_length);
            return new Decoder(engine, cfg, b).decodeTop();
        }));
        t.set("encode_sparse_array", fn(a -> {
            argCount(engine, a, 3, "encode_sparse_array");
            cfg.sparseConvert = bool(engine, a, 1, cfg.sparseConvert ? 1 : 0, "encode_sparse_array") == 1;
            cfg.sparseRatio = integer(engine, a, 2, cfg.sparseRatio, 0, Integer.MAX_VALUE, "encode_sparse_array");
            cfg.sparseSafe = integer(engine, a, 3, cfg.sparseSafe, 0, Integer.MAX_VALUE, "encode_sparse_array");
            return LuaValue.varargsOf(LuaValue.valueOf(cfg.sparseConvert), LuaValue.valueOf(cfg.sparseRatio),
                    LuaValue.valueOf(cfg.sparseSafe));
        }));
        t.set("encode_max_depth", fn(a -> {
            argCount(engine, a, 1, "encode_max_depth");
            cfg.encodeMaxDepth = integer(engine, a, 1, cfg.encodeMaxDepth, 1, Integer.MAX_VALUE, "encode_max_depth");
            return LuaValue.valueOf(cfg.encodeMaxDepth);
        }));
        t.set("decode_max_depth", fn(a -> {
            argCount(engine, a, 1, "decode_max_depth");
            cfg.decodeMaxDepth = integer(engine, a, 1, cfg.decodeMaxDepth, 1, Integer.MAX_VALUE, "decode_max_depth");
            return LuaValue.valueOf(cfg.decodeMaxDepth);
        }));
        t.set("encode_number_precision", fn(a -> {
            argCount(engine, a, 1, "encode_number_precision");
            cfg.precision = integer(engine, a, 1, cfg.precision, 1, 14, "encode_number_precision");
            return LuaValue.valueOf(cfg.precision);
        }));
        t.set("encode_keep_buffer", fn(a -> {
            argCount(engine, a, 1, "encode_keep_buffer");
            cfg.keepBuffer = bool(engine, a, 1, cfg.keepBuffer ? 1 : 0, "encode_keep_buffer") == 1;
            return LuaValue.valueOf(cfg.keepBuffer);
        }));
        t.set("decode_invalid_numbers", fn(a -> {
            argCount(engine, a, 1, "decode_invalid_numbers");
            cfg.decodeInvalid = bool(engine, a, 1, cfg.decodeInvalid ? 1 : 0, "decode_invalid_numbers") == 1;
            return LuaValue.valueOf(cfg.decodeInvalid);
        }));
        t.set("encode_invalid_numbers", fn(a -> {
            argCount(engine, a, 1, "encode_invalid_numbers");
            LuaValue v = a.arg(1);
            if (v.type() == LuaValue.TSTRING && v.tojstring().equals("null")) {
                cfg.encodeInvalid = 2;
            } else {
                cfg.encodeInvalid = bool(engine, a, 1, cfg.encodeInvalid, "encode_invalid_numbers");
            }
            return cfg.encodeInvalid == 2 ? LuaValue.valueOf("null") : LuaValue.valueOf(cfg.encodeInvalid == 1);
        }));
        t.set("new", fn(a -> library(engine)));
        t.set("null", NULL);
        t.set("_NAME", "cjson");
        t.set("_VERSION", "2.1.0");
        return t;
    }

    /** json_arg_init: at most {@code max} arguments. */
    private static void argCount(LuaEngine engine, Varargs a, int max, String fname) {
        if (a.narg() > max) {
            throw engine.error("bad argument #" + (max + 1) + " to '" + fname + "' (found too many arguments)");
        }
    }

    /** json_integer_option: the new value of an integer setting, or {@code current} when nil. */
    private static int integer(LuaEngine engine, Varargs a, int i, int current, int min, int max, String fname) {
        LuaValue v = a.arg(i);
        if (v.isnil()) return current;
        if (!v.isnumber()) {
            throw engine.error("bad argument #" + i + " to '" + fname + "' (number expected, got " + v.typename() + ")");
        }
        int n = (int) v.todouble();
        if (n < min || n > max) {
            throw engine.error("bad argument #1 to '" + fname + "' (expected integer between " + min + " and " + max + ")");
        }
        return n;
    }

    /** json_enum_option for on/off settings: booleans or "off"/"on"; returns 0 or 1. */
    private static int bool(LuaEngine engine, Varargs a, int i, int current, String fname) {
        LuaValue v = a.arg(i);
        if (v.isnil()) return current;
        if (v.type() == LuaValue.TBOOLEAN) return v.toboolean() ? 1 : 0;
        String s = v.isstring() ? v.tojstring() : null;
        if ("off".equals(s)) return 0;
        if ("on".equals(s)) return 1;
        if (s == null) {
            throw engine.error("bad argument #" + i + " to '" + fname + "' (string expected, got " + v.typename() + ")");
        }
        throw engine.error("bad argument #" + i + " to '" + fname + "' (invalid option '" + s + "')");
    }

    private static void encode(LuaEngine engine, Cfg cfg, ByteArrayOutputStream out, LuaValue v, int depth) {
        switch (v.type()) {
            case LuaValue.TSTRING:
                string(out, v.checkstring());
                return;
            case LuaValue.TNUMBER:
                number(engine, cfg, out, v.todouble());
                return;
            case LuaValue.TBOOLEAN:
                write(out, v.toboolean() ? "true" : "false");
                return;
            case LuaValue.TNIL:
                write(out, "null");
                return;
            case LuaValue.TTABLE:
                if (depth + 1 > cfg.encodeMaxDepth) {
                    throw engine.error("Cannot serialise, excessive nesting (" + (depth + 1) + ")");
                }
                table(engine, cfg, out, (LuaTable) v, depth + 1);
                return;
            default:
                if (v == NULL) {
                    write(out, "null");
                    return;
                }
                throw engine.error("Cannot serialise " + v.typename() + ": type not supported");
        }
    }

    private static void number(LuaEngine engine, Cfg cfg, ByteArrayOutputStream out, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            if (cfg.encodeInvalid == 0) throw engine.error("Cannot serialise number: must not be NaN or Inf");
            if (cfg.encodeInvalid == 2) {
                write(out, "null");
                return;
            }
            if (Double.isNaN(d)) {
                write(out, "nan");
                return;
            }
        }
        write(out, cfg.precision == 14 ? LuaNumbers.format14g(d) : io.cinnabar.util.Numbers.formatG(d, cfg.precision));
    }

    private static void table(LuaEngine engine, Cfg cfg, ByteArrayOutputStream out, LuaTable t, int depth) {
        // lua_array_length: the largest positive integer key when all keys are such, else -1
        int max = 0;
        int items = 0;
        boolean array = true;
        LuaValue k = LuaValue.NIL;
        while (true) {
            Varargs n = t.next(k);
            if ((k = n.arg1()).isnil()) break;
            if (k.type() == LuaValue.TNUMBER) {
                double d = k.todouble();
                if (d == Math.floor(d) && d >= 1) {
                    if (d > max) max = (int) Math.min(d, Integer.MAX_VALUE);
                    items++;
                    continue;
                }
            }
            array = false;
            break;
        }
        if (array && max > 0 && cfg.sparseRatio > 0 && max > items * (long) cfg.sparseRatio && max > cfg.sparseSafe) {
            if (!cfg.sparseConvert) throw engine.error("Cannot serialise table: excessively sparse array");
            array = false;
        }
        if (array && max > 0) {
            out.write('[');
            for (int i = 1; i <= max; i++) {
                if (i > 1) out.write(',');
                encode(engine, cfg, out, t.rawget(i), depth);
            }
            out.write(']');
            return;
        }
        out.write('{');
        boolean first = true;
        k = LuaValue.NIL;
        while (true) {
            Varargs n = t.next(k);
            if ((k = n.arg1()).isnil()) break;
            if (!first) out.write(',');
            first = false;
            if (k.type() == LuaValue.TNUMBER) {
                out.write('"');
                number(engine, cfg, out, k.todouble());
                out.write('"');
            } else if (k.type() == LuaValue.TSTRING) {
                string(out, k.checkstring());
            } else {
                throw engine.error("Cannot serialise " + k.typename() + ": table key must be a number or string");
            }
            out.write(':');
            encode(engine, cfg, out, n.arg(2), depth);
        }
        out.write('}');
    }

    private static void string(ByteArrayOutputStream out, LuaString s) {
        out.write('"');
        for (int i = 0; i < s.m_length; i++) {
            int c = s.m_bytes[s.m_offset + i] & 0xff;
            switch (c) {
                case '"': write(out, "\\\""); break;
                case '\\': write(out, "\\\\"); break;
                case '/': write(out, "\\/"); break;
                case '\b': write(out, "\\b"); break;
                case '\f': write(out, "\\f"); break;
                case '\n': write(out, "\\n"); break;
                case '\r': write(out, "\\r"); break;
                case '\t': write(out, "\\t"); break;
                default:
                    if (c < 0x20 || c == 0x7f) write(out, String.format("\\u%04x", c));
                    else out.write(c);
            }
        }
        out.write('"');
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The lua-cjson tokenizer and recursive parser. */
    private static final class Decoder {
        private final LuaEngine engine;
        private final Cfg cfg;
        private final byte[] b;
        private int pos;
        private int depth;
        // token
        private String type;
        private int tokIndex;
        private LuaValue tokValue;
        private String tokError;

        Decoder(LuaEngine engine, Cfg cfg, byte[] b) {
            this.engine = engine;
            this.cfg = cfg;
            this.b = b;
        }

        LuaValue decodeTop() {
            next();
            LuaValue v = value();
            next();
            if (!type.equals("T_END")) fail("the end");
            return v;
        }

        private void fail(String expected) {
            String found = type.equals("T_ERROR") ? tokError : type;
            throw engine.error("Expected " + expected + " but found " + found + " at character " + (tokIndex + 1));
        }

        private LuaValue value() {
            switch (type) {
                case "T_STRING": case "T_NUMBER": case "T_BOOLEAN":
                    return tokValue;
                case "T_NULL":
                    return NULL;
                case "T_OBJ_BEGIN":
                    return object();
                case "T_ARR_BEGIN":
                    return array();
                default:
                    fail("value");
                    return null;
            }
        }

        private void enter() {
            if (++depth > cfg.decodeMaxDepth) {
                throw engine.error("Found too many nested data structures (" + depth + ") at character " + (tokIndex + 1));
            }
        }

        private LuaValue object() {
            enter();
            LuaTable t = new LuaTable();
            next();
            if (type.equals("T_OBJ_END")) {
                depth--;
                return t;
            }
            while (true) {
                if (!type.equals("T_STRING")) fail("object key string");
                LuaValue key = tokValue;
                next();
                if (!type.equals("T_COLON")) fail("colon");
                next();
                t.rawset(key, value());
                next();
                if (type.equals("T_OBJ_END")) break;
                if (!type.equals("T_COMMA")) fail("comma or object end");
                next();
            }
            depth--;
            return t;
        }

        private LuaValue array() {
            enter();
            LuaTable t = new LuaTable();
            next();
            if (type.equals("T_ARR_END")) {
                depth--;
                return t;
            }
            for (int i = 1; ; i++) {
                t.rawset(i, value());
                next();
                if (type.equals("T_ARR_END")) break;
                if (!type.equals("T_COMMA")) fail("comma or array end");
                next();
            }
            depth--;
            return t;
        }

        private void next() {
            while (pos < b.length && (b[pos] == ' ' || b[pos] == '\t' || b[pos] == '\n' || b[pos] == '\r')) pos++;
            tokIndex = pos;
            if (pos >= b.length) {
                type = "T_END";
                return;
            }
            int c = b[pos] & 0xff;
            switch (c) {
                case '{': type = "T_OBJ_BEGIN"; pos++; return;
                case '}': type = "T_OBJ_END"; pos++; return;
                case '[': type = "T_ARR_BEGIN"; pos++; return;
                case ']': type = "T_ARR_END"; pos++; return;
                case ':': type = "T_COLON"; pos++; return;
                case ',': type = "T_COMMA"; pos++; return;
                case '"': string(); return;
                default:
            }
            if (c == '-' || (c >= '0' && c <= '9')) {
                number();
                return;
            }
            if (match("true")) {
                type = "T_BOOLEAN";
                tokValue = LuaValue.TRUE;
                return;
            }
            if (match("false")) {
                type = "T_BOOLEAN";
                tokValue = LuaValue.FALSE;
                return;
            }
            if (match("null")) {
                type = "T_NULL";
                return;
            }
            error("invalid token");
        }

        private void error(String what) {
            type = "T_ERROR";
            tokError = what;
        }

        private boolean match(String word) {
            if (pos + word.length() > b.length) return false;
            for (int i = 0; i < word.length(); i++) if (b[pos + i] != word.charAt(i)) return false;
            pos += word.length();
            return true;
        }

        private void number() {
            int start = pos;
            while (pos < b.length) {
                int c = b[pos];
                if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') pos++;
                else break;
            }
            try {
                tokValue = LuaValue.valueOf(Double.parseDouble(new String(b, start, pos - start, StandardCharsets.ISO_8859_1)));
                type = "T_NUMBER";
            } catch (NumberFormatException e) {
                pos = start;
                error("invalid number");
            }
        }

        private void string() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pos++;
            while (true) {
                if (pos >= b.length) {
                    error("unexpected end of string");
                    return;
                }
                int c = b[pos] & 0xff;
                if (c == '"') {
                    pos++;
                    break;
                }
                if (c != '\\') {
                    out.write(c);
                    pos++;
                    continue;
                }
                if (pos + 1 >= b.length) {
                    error("unexpected end of string");
                    return;
                }
                int e = b[pos + 1];
                switch (e) {
                    case '"': out.write('"'); break;
                    case '\\': out.write('\\'); break;
                    case '/': out.write('/'); break;
                    case 'b': out.write('\b'); break;
                    case 'f': out.write('\f'); break;
                    case 'n': out.write('\n'); break;
                    case 'r': out.write('\r'); break;
                    case 't': out.write('\t'); break;
                    case 'u': {
                        int cp = hex4(pos + 2);
                        if (cp < 0) {
                            error("invalid unicode escape code");
                            return;
                        }
                        int consumed = 6;
                        if (cp >= 0xD800 && cp <= 0xDBFF) {
                            int lo = pos + 7 < b.length && b[pos + 6] == '\\' && b[pos + 7] == 'u' ? hex4(pos + 8) : -1;
                            if (lo < 0xDC00 || lo > 0xDFFF) {
                                error("invalid unicode escape code");
                                return;
                            }
                            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                            consumed = 12;
                        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                            error("invalid unicode escape code");
                            return;
                        }
                        out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                        pos += consumed;
                        continue;
                    }
                    default:
                        error("invalid escape code");
                        return;
                }
                pos += 2;
            }
            type = "T_STRING";
            tokValue = LuaValue.valueOf(out.toByteArray());
        }

        private int hex4(int at) {
            if (at + 4 > b.length) return -1;
            int v = 0;
            for (int i = 0; i < 4; i++) {
                int d = Character.digit(b[at + i], 16);
                if (d < 0) return -1;
                v = v * 16 + d;
            }
            return v;
        }
    }
}
