package io.cinnabar.persistence;

import io.cinnabar.server.Server;
import java.util.List;

/**
 * The function libraries as persistence sees them: saved as RDB_OPCODE_FUNCTION2 records after
 * the AUX fields (rdbSaveFunctions), as FUNCTION LOAD commands in an AOF rewrite
 * (rewriteFunctions), and replaced by what an RDB holds when one is loaded (emptyData clears
 * them, rdbFunctionLoad adds each). The scripting subsystem implements it.
 */
public interface FunctionLibraries {
    /** Each library's code, in load order. */
    List<byte[]> libraryCodes();

    /** Replaces every library by these; null on success, else the error (libraries left unchanged). */
    String replaceLibraries(List<byte[]> codes);

    /**
     * Adds these libraries to the current ones (DEBUG RELOAD NOFLUSH): a library already loaded
     * is an error, or is kept as it is when {@code keepCurrent}; null or the error text.
     */
    String addLibraries(List<byte[]> codes, boolean keepCurrent);

    /** The server's libraries, or null when it has no scripting subsystem. */
    static FunctionLibraries of(Server server) {
        Object s = server.scripting();
        return s instanceof FunctionLibraries f ? f : null;
    }

    /** What to save: the libraries' code, empty without scripting. */
    static List<byte[]> codesOf(Server server) {
        FunctionLibraries f = of(server);
        return f == null ? List.of() : f.libraryCodes();
    }

    /** After loading an RDB: its libraries replace the current ones; null or the error text. */
    static String replace(Server server, List<byte[]> codes) {
        FunctionLibraries f = of(server);
        if (f == null) return codes.isEmpty() ? null : "scripting is not available";
        return f.replaceLibraries(codes);
    }
}
