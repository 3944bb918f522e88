package io.cinnabar.scripting;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * A Lua table that can be made read-only, as Redis' patched Lua does for the globals and every
 * table reachable from them (lua_enablereadonlytable): any write raises
 * "Attempt to modify a readonly table".
 */
final class ProtectedTable extends LuaTable {
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

    @Override public void insert(int pos, LuaValue value) {
        check();
        super.insert(pos, value);
    }

    @Override public LuaValue remove(int pos) {
        check();
        return super.remove(pos);
    }

    @Override public void sort(LuaValue comparator) {
        check();
        super.sort(comparator);
    }

    @Override public LuaValue setmetatable(LuaValue metatable) {
        check();
        return super.setmetatable(metatable);
    }

    /** A protected copy of {@code t}'s entries (and metatable). */
    static ProtectedTable copyOf(LuaTable t) {
        ProtectedTable p = new ProtectedTable();
        LuaValue k = LuaValue.NIL;
        while (true) {
            org.luaj.vm2.Varargs n = t.next(k);
            if ((k = n.arg1()).isnil()) break;
            p.rawset(k, n.arg(2));
        }
        return p;
    }
}
