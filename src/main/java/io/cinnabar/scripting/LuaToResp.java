package io.cinnabar.scripting;

import io.cinnabar.resp.RespOut;
import io.cinnabar.server.Stats;
import java.nio.charset.StandardCharsets;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * A script's return value as a reply (script_lua.c luaReplyToRedisReply): strings are bulk
 * strings, numbers integers (truncated), true 1 (or RESP3 true after setresp(3)), false and nil
 * null, tables with err/ok/double/big_number/verbatim_string/map/set fields those replies, and
 * other tables arrays up to their first nil.
 */
final class LuaToResp {
    /** Lua's C stack limit shows as this error when a reply nests too deep. */
    private static final int MAX_DEPTH = 7990;

    private final RespOut out;
    private final int scriptResp;
    private final Stats stats;

    private LuaToResp(RespOut out, int scriptResp, Stats stats) {
        this.out = out;
        this.scriptResp = scriptResp;
        this.stats = stats;
    }

    static void write(RespOut out, LuaValue v, int scriptResp, Stats stats) {
        new LuaToResp(out, scriptResp, stats).value(v, 0);
    }

    static byte[] bytes(LuaValue v) {
        LuaString s = v.strvalue();
        byte[] b = new byte[s.m_length];
        System.arraycopy(s.m_bytes, s.m_offset, b, 0, s.m_length);
        return b;
    }

    private void value(LuaValue v, int depth) {
        if (depth > MAX_DEPTH) {
            out.error("ERR reached lua stack limit");
            stats.error("ERR");
            return;
        }
        switch (v.type()) {
            case LuaValue.TSTRING:
                out.bulk(bytes(v));
                return;
            case LuaValue.TBOOLEAN:
                if (scriptResp == 2) {
                    if (v.toboolean()) out.integer(1);
                    else out.nullBulk();
                } else {
                    out.bool(v.toboolean());
                }
                return;
            case LuaValue.TNUMBER:
                out.integer(toLong(v.todouble()));
                return;
            case LuaValue.TTABLE:
                table((LuaTable) v, depth);
                return;
            default:
                out.nullBulk();
        }
    }

    /** (long long) of a double, as C truncates (saturating where C is undefined). */
    static long toLong(double d) {
        if (Double.isNaN(d)) return Long.MIN_VALUE;
        return (long) d;
    }

    private void table(LuaTable t, int depth) {
        LuaValue err = t.rawget("err");
        if (err.type() == LuaValue.TSTRING) {
            String msg = new String(bytes(err), StandardCharsets.UTF_8);
            out.error(msg);
            if (!t.rawget("ignore_error_stats_update").toboolean()) {
                int sp = msg.indexOf(' ');
                stats.error(sp < 0 ? msg : msg.substring(0, sp));
            }
            return;
        }
        LuaValue ok = t.rawget("ok");
        if (ok.type() == LuaValue.TSTRING) {
            byte[] s = bytes(ok);
            for (int i = 0; i < s.length; i++) if (s[i] == '\r' || s[i] == '\n') s[i] = ' ';
            out.simple(s);
            return;
        }
        LuaValue dbl = t.rawget("double");
        if (dbl.type() == LuaValue.TNUMBER) {
            out.doubleValue(dbl.todouble());
            return;
        }
        LuaValue big = t.rawget("big_number");
        if (big.type() == LuaValue.TSTRING) {
            byte[] s = bytes(big);
            for (int i = 0; i < s.length; i++) if (s[i] == '\r' || s[i] == '\n') s[i] = ' ';
            out.bigNumber(new String(s, StandardCharsets.ISO_8859_1));
            return;
        }
        LuaValue verb = t.rawget("verbatim_string");
        if (verb.type() == LuaValue.TTABLE) {
            LuaValue format = verb.rawget("format");
            LuaValue str = verb.rawget("string");
            if (format.type() == LuaValue.TSTRING && str.type() == LuaValue.TSTRING) {
                verbatim(bytes(format), bytes(str));
                return;
            }
        }
        LuaValue map = t.rawget("map");
        if (map.type() == LuaValue.TTABLE) {
            int token = out.deferred();
            int n = 0;
            LuaValue k = LuaValue.NIL;
            while (true) {
                Varargs nx = map.next(k);
                if ((k = nx.arg1()).isnil()) break;
                value(k, depth + 1);
                value(nx.arg(2), depth + 1);
                n++;
            }
            out.setDeferredMap(token, n);
            return;
        }
        LuaValue set = t.rawget("set");
        if (set.type() == LuaValue.TTABLE) {
            int token = out.deferred();
            int n = 0;
            LuaValue k = LuaValue.NIL;
            while (true) {
                Varargs nx = set.next(k);
                if ((k = nx.arg1()).isnil()) break;
                value(k, depth + 1);
                n++;
            }
            out.setDeferredSet(token, n);
            return;
        }
        int token = out.deferred();
        int n = 0;
        for (int j = 1; ; j++) {
            LuaValue e = t.rawget(j);
            if (e.isnil()) break;
            value(e, depth + 1);
            n++;
        }
        out.setDeferredArray(token, n);
    }

    private void verbatim(byte[] format, byte[] text) {
        if (out.protocol() < 3) {
            out.bulk(text);
            return;
        }
        byte[] f = new byte[3];
        for (int i = 0; i < 3; i++) f[i] = i < format.length ? format[i] : (byte) ' ';
        StringBuilder h = new StringBuilder().append('=').append(text.length + 4).append("\r\n");
        out.raw(h.toString().getBytes(StandardCharsets.US_ASCII));
        out.raw(f);
        out.raw(new byte[] {':'});
        out.raw(text);
        out.raw(new byte[] {'\r', '\n'});
    }
}
