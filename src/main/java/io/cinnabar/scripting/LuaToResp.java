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
    private static final int MAX_DEPTH = 7994;

    private final RespOut out;
    private final int scriptResp;
    private final Stats stats;
    private int errors;

    private LuaToResp(RespOut out, int scriptResp, Stats stats) {
        this.out = out;
        this.scriptResp = scriptResp;
        this.stats = stats;
    }

    /** Writes the reply; returns how many error replies it held (the script's command then failed). */
    static int write(RespOut out, LuaValue v, int scriptResp, Stats stats) {
        LuaToResp w = new LuaToResp(out, scriptResp, stats);
        w.run(v);
        return w.errors;
    }

    static byte[] bytes(LuaValue v) {
        LuaString s = v.strvalue();
        byte[] b = new byte[s.m_length];
        System.arraycopy(s.m_bytes, s.m_offset, b, 0, s.m_length);
        return b;
    }

    /**
     * An aggregate being written: its elements come one at a time from {@link #next()}, so a
     * deeply nested reply needs no Java recursion (Redis recurses on the C stack, bounded by
     * Lua's stack limit, which {@link #MAX_DEPTH} stands for).
     */
    private static final class Frame {
        static final int ARRAY = 0;
        static final int MAP = 1;
        static final int SET = 2;
        final LuaTable t;
        final int kind;
        int index;
        LuaValue key = LuaValue.NIL;
        LuaValue pendingValue;

        Frame(LuaTable t, int kind) {
            this.t = t;
            this.kind = kind;
        }

        /** How many elements (pairs for a map) the aggregate has: its header comes first. */
        int count() {
            int n = 0;
            if (kind == ARRAY) {
                while (!t.rawget(n + 1).isnil()) n++;
                return n;
            }
            LuaValue k = LuaValue.NIL;
            while (!(k = t.next(k).arg1()).isnil()) n++;
            return n;
        }

        /** The next element to write, or null when the aggregate is complete. */
        LuaValue next() {
            if (kind == ARRAY) {
                LuaValue e = t.rawget(++index);
                return e.isnil() ? null : e;
            }
            if (pendingValue != null) {
                LuaValue v = pendingValue;
                pendingValue = null;
                return v;
            }
            Varargs nx = t.next(key);
            if ((key = nx.arg1()).isnil()) return null;
            if (kind == MAP) pendingValue = nx.arg(2);
            return key;
        }
    }

    private void run(LuaValue root) {
        java.util.ArrayDeque<Frame> stack = new java.util.ArrayDeque<>();
        Frame f = value(root, 0);
        if (f != null) stack.push(f);
        while (!stack.isEmpty()) {
            Frame top = stack.peek();
            LuaValue e = top.next();
            if (e == null) {
                stack.pop();
                continue;
            }
            f = value(e, stack.size());
            if (f != null) stack.push(f);
        }
    }

    /** Writes a scalar (or a special table) and returns null, or opens an aggregate. */
    private Frame value(LuaValue v, int depth) {
        if (depth > MAX_DEPTH) {
            out.error("ERR reached lua stack limit");
            stats.error("ERR");
            return null;
        }
        switch (v.type()) {
            case LuaValue.TSTRING:
                out.bulk(bytes(v));
                return null;
            case LuaValue.TBOOLEAN:
                if (scriptResp == 2) {
                    if (v.toboolean()) out.integer(1);
                    else out.nullBulk();
                } else {
                    out.bool(v.toboolean());
                }
                return null;
            case LuaValue.TNUMBER:
                out.integer(toLong(v.todouble()));
                return null;
            case LuaValue.TTABLE:
                return table((LuaTable) v);
            default:
                out.nullBulk();
                return null;
        }
    }

    /** (long long) of a double, as C truncates (saturating where C is undefined). */
    static long toLong(double d) {
        if (Double.isNaN(d)) return Long.MIN_VALUE;
        return (long) d;
    }

    private Frame table(LuaTable t) {
        LuaValue err = t.rawget("err");
        if (err.type() == LuaValue.TSTRING) {
            String msg = new String(bytes(err), StandardCharsets.UTF_8);
            out.error(msg);
            errors++;
            if (!t.rawget("ignore_error_stats_update").toboolean()) {
                int sp = msg.indexOf(' ');
                stats.error(sp < 0 ? msg : msg.substring(0, sp));
            }
            return null;
        }
        LuaValue ok = t.rawget("ok");
        if (ok.type() == LuaValue.TSTRING) {
            byte[] s = bytes(ok);
            for (int i = 0; i < s.length; i++) if (s[i] == '\r' || s[i] == '\n') s[i] = ' ';
            out.simple(s);
            return null;
        }
        LuaValue dbl = t.rawget("double");
        if (dbl.type() == LuaValue.TNUMBER) {
            out.doubleValue(dbl.todouble());
            return null;
        }
        LuaValue big = t.rawget("big_number");
        if (big.type() == LuaValue.TSTRING) {
            byte[] s = bytes(big);
            for (int i = 0; i < s.length; i++) if (s[i] == '\r' || s[i] == '\n') s[i] = ' ';
            out.bigNumber(new String(s, StandardCharsets.ISO_8859_1));
            return null;
        }
        LuaValue verb = t.rawget("verbatim_string");
        if (verb.type() == LuaValue.TTABLE) {
            LuaValue format = verb.rawget("format");
            LuaValue str = verb.rawget("string");
            if (format.type() == LuaValue.TSTRING && str.type() == LuaValue.TSTRING) {
                verbatim(bytes(format), bytes(str));
                return null;
            }
        }
        LuaValue map = t.rawget("map");
        Frame f;
        LuaValue set = t.rawget("set");
        if (map.type() == LuaValue.TTABLE) {
            f = new Frame((LuaTable) map, Frame.MAP);
            out.mapHeader(f.count());
        } else if (set.type() == LuaValue.TTABLE) {
            f = new Frame((LuaTable) set, Frame.SET);
            out.setHeader(f.count());
        } else {
            f = new Frame(t, Frame.ARRAY);
            out.arrayHeader(f.count());
        }
        return f;
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
