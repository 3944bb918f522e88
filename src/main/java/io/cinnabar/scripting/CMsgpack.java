package io.cinnabar.scripting;

import org.luaj.vm2.LuaTable;

/** lua-cmsgpack as Redis bundles it. */
final class CMsgpack {
    private CMsgpack() {}

    static LuaTable library(LuaEngine engine) {
        return new LuaTable();
    }
}
