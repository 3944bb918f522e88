package io.cinnabar.scripting;

import io.cinnabar.util.Numbers;

/** Number formatting as Lua 5.1 and Redis' Lua bridge do it. */
final class LuaNumbers {
    private LuaNumbers() {}

    /** Lua 5.1's LUAI_NUMFFORMAT "%.14g" (tostring, string coercion). */
    static String format14g(double d) {
        if (Double.isNaN(d)) return "-nan"; // x86's default NaN, as redis-server prints 0/0
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return (1 / d < 0) ? "-0" : "0";
        if (d == Math.rint(d) && Math.abs(d) < 1e14) return Long.toString((long) d);
        return Numbers.formatG(d, 14);
    }

    /** "%.17g": how a Lua number becomes a command argument (luaArgsToRedisArgv). */
    static String format17g(double d) {
        if (Double.isNaN(d)) return "-nan";
        return Numbers.formatG17(d);
    }
}
