package io.cinnabar.scripting;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** LuaBitOp's {@code bit} library as Redis bundles it: 32-bit operations on signed results. */
final class BitLib {
    private BitLib() {}

    /** LuaBitOp's tobit: the number modulo 2^32 (rounded as the 2^52+2^51 trick does), signed. */
    static int tobit(LuaValue v, int arg) {
        double d = v.checkdouble();
        return (int) Double.doubleToRawLongBits(d + 6755399441055744.0);
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

    private static LuaValue n(int v) {
        return LuaValue.valueOf(v);
    }

    static LuaTable library(LuaEngine engine) {
        LuaTable t = new LuaTable();
        t.set("tobit", fn(a -> n(tobit(a.arg(1), 1))));
        t.set("bnot", fn(a -> n(~tobit(a.arg(1), 1))));
        t.set("band", fn(a -> {
            int r = tobit(a.arg(1), 1);
            for (int i = 2; i <= a.narg(); i++) r &= tobit(a.arg(i), i);
            return n(r);
        }));
        t.set("bor", fn(a -> {
            int r = tobit(a.arg(1), 1);
            for (int i = 2; i <= a.narg(); i++) r |= tobit(a.arg(i), i);
            return n(r);
        }));
        t.set("bxor", fn(a -> {
            int r = tobit(a.arg(1), 1);
            for (int i = 2; i <= a.narg(); i++) r ^= tobit(a.arg(i), i);
            return n(r);
        }));
        t.set("lshift", fn(a -> n(tobit(a.arg(1), 1) << (tobit(a.arg(2), 2) & 31))));
        t.set("rshift", fn(a -> n(tobit(a.arg(1), 1) >>> (tobit(a.arg(2), 2) & 31))));
        t.set("arshift", fn(a -> n(tobit(a.arg(1), 1) >> (tobit(a.arg(2), 2) & 31))));
        t.set("rol", fn(a -> n(Integer.rotateLeft(tobit(a.arg(1), 1), tobit(a.arg(2), 2) & 31))));
        t.set("ror", fn(a -> n(Integer.rotateRight(tobit(a.arg(1), 1), tobit(a.arg(2), 2) & 31))));
        t.set("bswap", fn(a -> n(Integer.reverseBytes(tobit(a.arg(1), 1)))));
        t.set("tohex", fn(a -> {
            int b = tobit(a.arg(1), 1);
            int n = a.isnoneornil(2) ? 8 : tobit(a.arg(2), 2);
            String digits = "0123456789abcdef";
            if (n < 0) {
                n = -n;
                digits = "0123456789ABCDEF";
            }
            if (n > 8) n = 8;
            char[] buf = new char[n];
            for (int i = n - 1; i >= 0; i--) {
                buf[i] = digits.charAt(b & 15);
                b >>= 4;
            }
            return LuaValue.valueOf(new String(buf));
        }));
        return t;
    }

    static LuaError error(String m) {
        return new LuaError(m);
    }
}
