package io.cinnabar.scripting;

import io.cinnabar.error.RedisError;
import java.util.LinkedHashMap;
import java.util.Map;
import org.luaj.vm2.LuaFunction;

/** A library loaded with FUNCTION LOAD: its name, engine, code and functions (functionLibInfo). */
final class FunctionLibrary {
    /** One registered function (functionInfo). */
    record Function(String name, LuaFunction callback, String description, int flags, FunctionLibrary library) {}

    final String name;
    final String engine;
    final byte[] code;
    final Map<String, Function> functions = new LinkedHashMap<>();
    private long loadStartNanos;
    private long timeoutMillis;

    FunctionLibrary(String name, String engine, byte[] code) {
        this.name = name;
        this.engine = engine;
        this.code = code;
    }

    /** functionLibCreateFunction; returns an error text or null. */
    String addFunction(String fname, LuaFunction callback, String desc, int flags) {
        if (!Functions.validName(fname)) {
            return "Library names can only contain letters, numbers, or underscores(_) and must be at least one "
                    + "character long";
        }
        if (functions.containsKey(fname)) return "Function already exists in the library";
        functions.put(fname, new Function(fname, callback, desc, flags, this));
        return null;
    }

    void startLoad(long timeout) {
        loadStartNanos = System.nanoTime();
        timeoutMillis = timeout;
    }

    /** FUNCTION LOAD's 500 ms budget for running the library's body (luaEngineLoadHook). */
    void checkTimeout() {
        if (timeoutMillis > 0 && (System.nanoTime() - loadStartNanos) / 1_000_000 > timeoutMillis) {
            throw new org.luaj.vm2.LuaError(RedisApi.errorTable("FUNCTION LOAD timeout", false));
        }
    }

    static RedisError err(String m) {
        return new RedisError("ERR " + m);
    }
}
