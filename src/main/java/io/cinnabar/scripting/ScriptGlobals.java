package io.cinnabar.scripting;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/** The globals table of a Lua state, read-only once the state is set up (as Redis locks _G). */
final class ScriptGlobals extends Globals {
    private boolean readonly;

    void readonly(boolean on) {
        readonly = on;
    }

    boolean readonly() {
        return readonly;
    }

    private void check() {
        if (readonly) throw new LuaError("Attempt to modify a readonly table");
    }

    @Override public void rawset(int key, LuaValue value) {
        check();
        super.rawset(key, value);
    }

    @Override public void rawset(LuaValue key, LuaValue value) {
        check();
        super.rawset(key, value);
    }

    @Override public LuaValue setmetatable(LuaValue metatable) {
        check();
        return super.setmetatable(metatable);
    }
}
