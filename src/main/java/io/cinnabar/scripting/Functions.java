package io.cinnabar.scripting;

import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.persistence.rdb.DumpPayload;
import io.cinnabar.persistence.rdb.RdbReader;
import io.cinnabar.persistence.rdb.RdbWriter;
import io.cinnabar.resp.Argv;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;

/** The function libraries (functions.c functionsLibCtx) and their Lua state. */
public final class Functions {
    private final Scripting host;
    private LuaEngine engine;
    private Map<String, FunctionLibrary> libraries = new LinkedHashMap<>();
    private Map<String, FunctionLibrary.Function> functions = new LinkedHashMap<>();

    Functions(Scripting host) {
        this.host = host;
    }

    private LuaEngine engine() {
        if (engine == null) engine = new LuaEngine(host, true);
        return engine;
    }

    static boolean validName(String name) {
        if (name.isEmpty()) return false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
        }
        return true;
    }

    public int libraryCount() {
        return libraries.size();
    }

    public int functionCount() {
        return functions.size();
    }

    Map<String, FunctionLibrary> libraries() {
        return libraries;
    }

    FunctionLibrary.Function function(String name) {
        return functions.get(fkey(name));
    }

    /** Function names are case-insensitive (functionDictType: dictSdsCaseHash). */
    static String fkey(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    /** used_memory_vm_functions / used_memory_functions: estimates from the code held. */
    public long codeBytes() {
        long n = 0;
        for (FunctionLibrary l : libraries.values()) n += l.code.length;
        return n;
    }

    public long luaMemory() {
        return engine == null ? 31744 : 31744 + codeBytes() * 4;
    }

    /** FUNCTION LOAD: returns the library name; errors are RedisErrors with Redis' text. */
    public String load(byte[] code, boolean replace, long timeoutMillis) {
        String err = loadInto(code, replace, timeoutMillis, libraries, functions);
        if (err != null && err.startsWith("\u0000")) return err.substring(1);
        throw FunctionLibrary.err(err);
    }

    /** functionsCreateWithLibraryCtx into the given maps; the library name prefixed with NUL on success, else an error. */
    private String loadInto(byte[] code, boolean replace, long timeoutMillis, Map<String, FunctionLibrary> libs,
            Map<String, FunctionLibrary.Function> funcs) {
        if (code.length < 2 || code[0] != '#' || code[1] != '!') return "Missing library metadata";
        int nl = ScriptFlags.indexOf(code, (byte) '\n');
        if (nl < 0) return "Invalid library metadata";
        // sdssplitargs, as functionExtractLibMetaData: name="foo" is name=foo
        io.cinnabar.resp.Argv split = new io.cinnabar.resp.Argv();
        if (!io.cinnabar.resp.InlineSplitter.split(java.util.Arrays.copyOf(code, nl), split) || split.size() == 0) {
            return "Invalid library metadata";
        }
        String[] parts = new String[split.size()];
        for (int i = 0; i < parts.length; i++) parts[i] = new String(split.get(i), StandardCharsets.ISO_8859_1);
        String engineName = parts[0].substring(2);
        String name = null;
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].regionMatches(true, 0, "name=", 0, 5)) {
                if (name != null) return "Invalid metadata value, name argument was given multiple times";
                name = parts[i].substring(5);
                continue;
            }
            return "Invalid metadata value given: " + parts[i];
        }
        if (name == null) return "Library name was not given";
        if (!validName(name)) {
            return "Library names can only contain letters, numbers, or underscores(_) and must be at least one "
                    + "character long";
        }
        if (!engineName.equalsIgnoreCase("lua")) return "Engine '" + engineName + "' not found";
        FunctionLibrary old = libs.get(name);
        if (old != null && !replace) return "Library '" + name + "' already exists";
        FunctionLibrary lib = new FunctionLibrary(name, "LUA", code);
        LuaEngine e = engine();
        LuaFunction body;
        try {
            body = e.compile(code, nl, "@user_function");
        } catch (LuaError ex) {
            return "Error compiling function: " + LuaEngine.messageOf(ex).tojstring();
        }
        e.loading = lib;
        e.loadMode(true);
        lib.startLoad(timeoutMillis);
        try {
            body.call();
        } catch (LuaError ex) {
            LuaValue m = LuaEngine.messageOf(e.normalize(ex));
            String msg = m.istable() && m.rawget("err").isstring() ? m.rawget("err").tojstring() : "ERR " + m.tojstring();
            return "Error registering functions: " + msg;
        } catch (StackOverflowError ex) {
            return "Error registering functions: ERR stack overflow";
        } finally {
            e.loadMode(false);
            e.loading = null;
        }
        if (lib.functions.isEmpty()) return "No functions registered";
        for (String f : lib.functions.keySet()) {
            FunctionLibrary.Function existing = funcs.get(fkey(f));
            if (existing != null && existing.library() != old) return "Function " + f + " already exists";
        }
        if (old != null) unlink(old, libs, funcs);
        libs.put(name, lib);
        putAll(funcs, lib);
        return "\u0000" + name;
    }

    private static void unlink(FunctionLibrary lib, Map<String, FunctionLibrary> libs,
            Map<String, FunctionLibrary.Function> funcs) {
        libs.remove(lib.name);
        for (String f : lib.functions.keySet()) funcs.remove(fkey(f));
    }

    private static void putAll(Map<String, FunctionLibrary.Function> funcs, FunctionLibrary lib) {
        for (FunctionLibrary.Function f : lib.functions.values()) funcs.put(fkey(f.name()), f);
    }

    public void delete(String name) {
        FunctionLibrary lib = libraries.get(name);
        if (lib == null) throw Errors.err("Library not found");
        unlink(lib, libraries, functions);
    }

    /** FUNCTION FLUSH: drops every library and starts a fresh Lua state. */
    public void flush() {
        libraries = new LinkedHashMap<>();
        functions = new LinkedHashMap<>();
        engine = null;
    }

    /** The libraries' code in load order (RDB_OPCODE_FUNCTION2 payloads). */
    public List<byte[]> codes() {
        List<byte[]> out = new ArrayList<>();
        for (FunctionLibrary l : libraries.values()) out.add(l.code);
        return out;
    }

    /** FUNCTION DUMP: each library as RDB_OPCODE_FUNCTION2 + its code, then version and CRC64. */
    public byte[] dump() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            RdbWriter w = new RdbWriter(bytes, false);
            for (FunctionLibrary l : libraries.values()) {
                w.writeByte(RdbWriter.OPCODE_FUNCTION2);
                w.string(l.code);
            }
            return DumpPayload.seal(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public enum RestorePolicy { APPEND, REPLACE, FLUSH }

    /** FUNCTION RESTORE. */
    public void restore(byte[] payload, RestorePolicy policy) {
        if (!DumpPayload.verify(payload)) throw Errors.err("DUMP payload version or checksum are wrong");
        Map<String, FunctionLibrary> libs = new LinkedHashMap<>();
        Map<String, FunctionLibrary.Function> funcs = new LinkedHashMap<>();
        RdbReader in = new RdbReader(new ByteArrayInputStream(payload, 0, payload.length - 10));
        long end = payload.length - 10;
        try {
            while (in.offset() < end) {
                int type = in.readByte();
                if (type != RdbWriter.OPCODE_FUNCTION2) throw Errors.err("given type is not a function");
                byte[] code = in.string();
                String r = loadInto(code, false, 0, libs, funcs);
                if (!r.startsWith("\u0000")) throw FunctionLibrary.err(r);
            }
        } catch (IOException e) {
            throw Errors.err("failed loading the given functions payload");
        }
        if (policy == RestorePolicy.FLUSH) {
            libraries = libs;
            functions = funcs;
            return;
        }
        join(libs, policy == RestorePolicy.REPLACE);
    }

    /** libraryJoin: adds {@code libs} to the current ones, all or nothing. */
    private void join(Map<String, FunctionLibrary> libs, boolean replace) {
        Map<String, FunctionLibrary> newLibs = new LinkedHashMap<>(libraries);
        Map<String, FunctionLibrary.Function> newFuncs = new LinkedHashMap<>(functions);
        for (FunctionLibrary l : libs.values()) {
            FunctionLibrary old = newLibs.get(l.name);
            if (old != null) {
                if (!replace) throw Errors.err("Library " + l.name + " already exists");
                unlink(old, newLibs, newFuncs);
            }
        }
        for (FunctionLibrary l : libs.values()) {
            for (String f : l.functions.keySet()) {
                if (newFuncs.containsKey(fkey(f))) throw Errors.err("Function " + f + " already exists");
            }
            newLibs.put(l.name, l);
            putAll(newFuncs, l);
        }
        libraries = newLibs;
        functions = newFuncs;
    }

    /**
     * The libraries an RDB holds replace the current ones (emptyData then rdbFunctionLoad for
     * each): all or nothing; returns an error text or null.
     */
    public String replaceAll(List<byte[]> codes) {
        if (codes.isEmpty()) {
            if (!libraries.isEmpty()) flush();
            return null;
        }
        Map<String, FunctionLibrary> libs = new LinkedHashMap<>();
        Map<String, FunctionLibrary.Function> funcs = new LinkedHashMap<>();
        for (byte[] code : codes) {
            String r = loadInto(code, false, 0, libs, funcs);
            if (!r.startsWith("\u0000")) return r;
        }
        libraries = libs;
        functions = funcs;
        return null;
    }

    /** Adds libraries to the current ones, all or nothing; one already loaded is kept or an error. */
    public String addAll(List<byte[]> codes, boolean keepCurrent) {
        Map<String, FunctionLibrary> libs = new LinkedHashMap<>();
        Map<String, FunctionLibrary.Function> funcs = new LinkedHashMap<>();
        for (byte[] code : codes) {
            String r = loadInto(code, false, 0, libs, funcs);
            if (!r.startsWith("\u0000")) return r;
        }
        if (keepCurrent) libs.keySet().removeAll(libraries.keySet());
        try {
            join(libs, false);
        } catch (RedisError e) {
            return e.getMessage();
        }
        return null;
    }

    /** Loads a library read from an RDB file (rdbFunctionLoad); returns an error text or null. */
    public String loadFromRdb(byte[] code, boolean replace) {
        String r = loadInto(code, replace, 0, libraries, functions);
        return r.startsWith("\u0000") ? null : r;
    }

    /** FCALL / FCALL_RO. */
    public void fcall(Ctx ctx, Argv argv, boolean ro) {
        FunctionLibrary.Function f = functions.get(fkey(argv.str(1)));
        if (f == null) throw Errors.err("Function not found");
        long numkeys;
        try {
            numkeys = Long.parseLong(argv.str(2));
        } catch (NumberFormatException e) {
            throw Errors.err("Bad number of keys provided");
        }
        if (numkeys > argv.size() - 3) throw Errors.err("Number of keys can't be greater than number of args");
        if (numkeys < 0) throw Errors.err("Number of keys can't be negative");
        int nk = (int) numkeys;
        ScriptRun run = host.prepare(ctx, f.name(), f.flags(), ro, false);
        host.execute(engine(), run, f.callback(), Scripting.strings(argv, 3, nk),
                Scripting.strings(argv, 3 + nk, argv.size() - 3 - nk));
    }

    /** FUNCTION LIST's reply. */
    public void list(io.cinnabar.resp.RespOut out, byte[] pattern, boolean withCode) {
        int token = out.deferred();
        int n = 0;
        for (FunctionLibrary l : libraries.values()) {
            byte[] name = l.name.getBytes(StandardCharsets.UTF_8);
            if (pattern != null && !io.cinnabar.util.Glob.match(pattern, name, true)) continue;
            n++;
            out.mapHeader(withCode ? 4 : 3);
            out.bulk("library_name");
            out.bulk(name);
            out.bulk("engine");
            out.bulk(l.engine);
            out.bulk("functions");
            out.arrayHeader(l.functions.size());
            for (FunctionLibrary.Function f : l.functions.values()) {
                out.mapHeader(3);
                out.bulk("name");
                out.bulk(f.name());
                out.bulk("description");
                if (f.description() == null) out.nullBulk();
                else out.bulk(f.description());
                out.bulk("flags");
                java.util.List<String> flags = ScriptFlags.names(f.flags());
                out.setHeader(flags.size());
                for (String fl : flags) out.simple(fl);
            }
            if (withCode) {
                out.bulk("library_code");
                out.bulk(l.code);
            }
        }
        out.setDeferredArray(token, n);
    }

    static RedisError error(String m) {
        return Errors.err(m);
    }
}
