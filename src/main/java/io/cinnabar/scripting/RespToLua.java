package io.cinnabar.scripting;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * A command's reply, as the script's fake client received it, turned into Lua values
 * (script_lua.c redisProtocolToLuaType): integers are numbers, bulk strings strings, a null bulk
 * or null array false, a status {ok=...}, an error {err=...}, and with RESP3 a map {map={...}},
 * a set {set={...}}, a double {double=n}, a big number {big_number=s}, a verbatim string
 * {verbatim_string={format=, string=}}, null nil and booleans booleans.
 */
final class RespToLua {
    private final ByteBuf b;

    private RespToLua(ByteBuf b) {
        this.b = b;
    }

    /** Parses one reply from {@code b}'s reader index on. */
    static LuaValue parse(ByteBuf b) {
        return new RespToLua(b).value();
    }

    private String line() {
        int start = b.readerIndex();
        int cr = b.indexOf(start, b.writerIndex(), (byte) '\r');
        String s = b.toString(start, cr - start, StandardCharsets.ISO_8859_1);
        b.readerIndex(cr + 2);
        return s;
    }

    private LuaValue bytesLine() {
        int start = b.readerIndex();
        int cr = b.indexOf(start, b.writerIndex(), (byte) '\r');
        byte[] out = new byte[cr - start];
        b.getBytes(start, out);
        b.readerIndex(cr + 2);
        return LuaValue.valueOf(out);
    }

    private LuaValue value() {
        byte type = b.readByte();
        switch (type) {
            case '+': {
                LuaTable t = new LuaTable();
                t.set("ok", bytesLine());
                return t;
            }
            case '-': {
                LuaTable t = RedisApi.errorTable("-" + line());
                t.set("ignore_error_stats_update", LuaValue.TRUE);
                return t;
            }
            case ':':
                return LuaValue.valueOf((double) Long.parseLong(line()));
            case '$': {
                int len = Integer.parseInt(line());
                if (len < 0) return LuaValue.FALSE;
                byte[] s = new byte[len];
                b.readBytes(s);
                b.skipBytes(2);
                return LuaValue.valueOf(s);
            }
            case '*': {
                int n = Integer.parseInt(line());
                if (n < 0) return LuaValue.FALSE;
                LuaTable t = new LuaTable(n, 0);
                for (int i = 1; i <= n; i++) t.rawset(i, value());
                return t;
            }
            case '_':
                line();
                return LuaValue.NIL;
            case '#':
                return LuaValue.valueOf(line().equals("t"));
            case ',': {
                LuaTable t = new LuaTable();
                t.set("double", LuaValue.valueOf(parseDouble(line())));
                return t;
            }
            case '(': {
                LuaTable t = new LuaTable();
                t.set("big_number", bytesLine());
                return t;
            }
            case '=': {
                int len = Integer.parseInt(line());
                byte[] s = new byte[len];
                b.readBytes(s);
                b.skipBytes(2);
                LuaTable v = new LuaTable();
                v.set("format", LuaValue.valueOf(new String(s, 0, Math.min(3, len), StandardCharsets.ISO_8859_1)));
                byte[] text = new byte[Math.max(0, len - 4)];
                System.arraycopy(s, Math.min(4, len), text, 0, text.length);
                v.set("string", LuaValue.valueOf(text));
                LuaTable t = new LuaTable();
                t.set("verbatim_string", v);
                return t;
            }
            case '%': {
                int n = Integer.parseInt(line());
                LuaTable m = new LuaTable();
                for (int i = 0; i < n; i++) {
                    LuaValue k = value();
                    LuaValue v = value();
                    if (!k.isnil()) m.rawset(k, v);
                }
                LuaTable t = new LuaTable();
                t.set("map", m);
                return t;
            }
            case '~': {
                int n = Integer.parseInt(line());
                LuaTable s = new LuaTable();
                for (int i = 0; i < n; i++) {
                    LuaValue k = value();
                    if (!k.isnil()) s.rawset(k, LuaValue.TRUE);
                }
                LuaTable t = new LuaTable();
                t.set("set", s);
                return t;
            }
            case '|': { // attributes are skipped
                int n = Integer.parseInt(line());
                for (int i = 0; i < 2 * n; i++) value();
                return value();
            }
            case '>': {
                int n = Integer.parseInt(line());
                LuaTable t = new LuaTable(n, 0);
                for (int i = 1; i <= n; i++) t.rawset(i, value());
                return t;
            }
            default:
                throw new IllegalStateException("bad reply type " + (char) type);
        }
    }

    private static double parseDouble(String s) {
        switch (s) {
            case "inf": return Double.POSITIVE_INFINITY;
            case "-inf": return Double.NEGATIVE_INFINITY;
            case "nan": case "-nan": return Double.NaN;
            default: return Double.parseDouble(s);
        }
    }
}
