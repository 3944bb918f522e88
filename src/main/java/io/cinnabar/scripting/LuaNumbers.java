package io.cinnabar.scripting;

import io.cinnabar.util.Numbers;

/** Number formatting as Lua 5.1 and Redis' Lua bridge do it. */
final class LuaNumbers {
    private LuaNumbers() {}

    /** Lua 5.1's LUAI_NUMFFORMAT "%.14g" (tostring, string coercion): what our LuaDouble prints. */
    static String format14g(double d) {
        return org.luaj.vm2.LuaValue.valueOf(d).tojstring();
    }

    /** "%.17g": how a Lua number becomes a command argument (luaArgsToRedisArgv). */
    static String format17g(double d) {
        if (Double.isNaN(d)) return "-nan";
        return Numbers.formatG17(d);
    }
}
