package io.cinnabar.scripting;

import java.io.ByteArrayInputStream;
import java.util.IdentityHashMap;
import java.util.Map;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.BaseLib;
import org.luaj.vm2.lib.CoroutineLib;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.VarArgFunction;
import org.luaj.vm2.lib.jse.JseMathLib;

/**
 * One Lua interpreter as Redis sets it up (script_lua.c luaRegisterRedisAPI): the base, table,
 * string, math, cjson, struct, cmsgpack and bit libraries, the {@code redis} API, Lua 5.1
 * globals on top of LuaJ's 5.2 (unpack, loadstring, table.getn, math.mod, string.gfind, gcinfo),
 * no print/dofile/loadfile/require/package/os/io/debug, and every table reachable from the
 * globals made read-only, with reads of unknown globals raising
 * "Script attempted to access nonexistent global variable".
 *
 * <p>Numbers print as Lua 5.1's {@code %.14g} through our {@code org.luaj.vm2.LuaDouble}.
 */
final class LuaEngine {
    final ScriptGlobals globals = new ScriptGlobals();
    final Scripting host;
    final boolean functionMode;
    final Lrand48 random = new Lrand48();
    /** The run in progress (null when idle). */
    ScriptRun run;
    /** FUNCTION LOAD in progress: the library being built. */
    FunctionLibrary loading;
    /** In function mode: the table scripts see as globals (its metatable's __index is {@link #globals}). */
    final ScriptGlobals functionGlobals;
    /** In function mode: the API visible while a library's body runs (only redis.register_function & co). */
    private final ProtectedTable loadApi;
    private final ProtectedTable globalsMeta = new ProtectedTable();
    private final ProtectedTable functionGlobalsMeta = new ProtectedTable();
    private final KillHook hook;

    LuaEngine(Scripting host, boolean functionMode) {
        this.host = host;
        this.functionMode = functionMode;
        Globals g = globals;
        g.load(new BaseLib());
        g.load(new PackageLib());
        g.load(new TableLib());
        g.load(new StringLib());
        g.load(new CoroutineLib());
        g.load(new JseMathLib());
        LoadState.install(g);
        LuaC.install(g);
        compat51(g);
        g.get("string").set("format", new LuaFormat(this));
        g.set("cjson", CJson.library(this));
        g.set("struct", StructLib.library(this));
        g.set("cmsgpack", CMsgpack.library(this));
        g.set("bit", BitLib.library(this));
        RedisApi api = new RedisApi(this);
        LuaTable redis = api.table(!functionMode);
        g.set("redis", redis);
        LuaTable math = g.get("math").checktable();
        math.set("random", api.mathRandom());
        math.set("randomseed", api.mathRandomseed());
        g.set("pcall", new PCall(this));
        g.set("xpcall", new XPCall(this));
        // a nonexistent global is an error (luaSetErrorMetatable), globals are locked
        globalsMeta.set("__index", new NonexistentGlobal(this));
        Map<LuaTable, ProtectedTable> seen = new IdentityHashMap<>();
        protectAll(g, seen);
        LuaValue str = g.rawget("string");
        if (str.istable()) LuaString.s_metatable = LuaValue.tableOf(new LuaValue[] {LuaValue.INDEX, str});
        g.setmetatable(globalsMeta);
        globalsMeta.readonly(true);
        globals.readonly(true);
        if (functionMode) {
            // FUNCTION LOAD runs the library body with only the load API visible (luaEngineCreate)
            loadApi = new ProtectedTable();
            ProtectedTable loadRedis = new ProtectedTable();
            api.registerLoadApi(loadRedis);
            ProtectedTable m = new ProtectedTable();
            m.set("__index", new NonexistentGlobal(this));
            m.readonly(true);
            loadRedis.setmetatable(m);
            loadRedis.readonly(true);
            loadApi.set("redis", loadRedis);
            ProtectedTable m2 = new ProtectedTable();
            m2.set("__index", new NonexistentGlobal(this));
            m2.readonly(true);
            loadApi.setmetatable(m2);
            loadApi.readonly(true);
            functionGlobals = new ScriptGlobals();
            functionGlobalsMeta.set("__index", g);
            functionGlobals.setmetatable(functionGlobalsMeta);
            functionGlobals.readonly(true);
            functionGlobals.debuglib = null; // set below
        } else {
            loadApi = null;
            functionGlobals = null;
        }
        hook = new KillHook(this);
        g.debuglib = hook;
        if (functionGlobals != null) functionGlobals.debuglib = hook;
    }

    /** Lua 5.1 names that Redis scripts rely on, over LuaJ's 5.2 library set. */
    private static void compat51(Globals g) {
        LuaTable table = g.get("table").checktable();
        LuaValue unpack = table.get("unpack");
        g.set("unpack", unpack);
        table.set("unpack", LuaValue.NIL);
        table.set("pack", LuaValue.NIL);
        table.set("getn", new OneArgFunction() {
            @Override public LuaValue call(LuaValue t) {
                return LuaValue.valueOf(t.checktable().length());
            }
        });
        table.set("maxn", new OneArgFunction() {
            @Override public LuaValue call(LuaValue t) {
                double max = 0;
                LuaTable tt = t.checktable();
                LuaValue k = LuaValue.NIL;
                while (true) {
                    Varargs n = tt.next(k);
                    if ((k = n.arg1()).isnil()) break;
                    if (k.type() == LuaValue.TNUMBER && k.todouble() > max) max = k.todouble();
                }
                return LuaValue.valueOf(max);
            }
        });
        table.set("foreach", LuaValue.NIL);
        LuaValue load = g.get("load");
        // Lua 5.1's loadstring(s [, chunkname]): Redis' Lua parses every chunk as text, so a
        // binary chunk (string.dump) fails to load and loadstring gives nil plus the error
        g.set("loadstring", new VarArgFunction() {
            @Override public Varargs invoke(Varargs args) {
                LuaString s = args.checkstring(1);
                LuaValue name = args.arg(2).isnil() ? s : args.checkstring(2);
                return load.invoke(LuaValue.varargsOf(new LuaValue[] {s, name, LuaValue.valueOf("t")}));
            }
        });
        for (String n : new String[] {"print", "dofile", "loadfile", "require", "module", "package", "rawlen",
            "bit32", "os", "io", "debug", "luajava"}) {
            g.set(n, LuaValue.NIL);
        }
        g.set("_VERSION", LuaValue.valueOf("Lua 5.1"));
        g.set("gcinfo", new VarArgFunction() {
            @Override public Varargs invoke(Varargs args) {
                Runtime r = Runtime.getRuntime();
                return LuaValue.valueOf((int) ((r.totalMemory() - r.freeMemory()) / 1024 % Integer.MAX_VALUE));
            }
        });
        LuaTable math = g.get("math").checktable();
        math.set("mod", math.get("fmod"));
        if (math.get("log10").isnil()) {
            math.set("log10", new OneArgFunction() {
                @Override public LuaValue call(LuaValue x) {
                    return LuaValue.valueOf(Math.log10(x.checkdouble()));
                }
            });
        }
        if (math.get("atan2").isnil()) {
            math.set("atan2", new org.luaj.vm2.lib.TwoArgFunction() {
                @Override public LuaValue call(LuaValue y, LuaValue x) {
                    return LuaValue.valueOf(Math.atan2(y.checkdouble(), x.checkdouble()));
                }
            });
        }
        LuaTable string = g.get("string").checktable();
        string.set("gfind", string.get("gmatch"));
    }

    /** Replaces every table reachable from {@code t} by a read-only copy (luaSetTableProtectionRecursively). */
    private static void protectAll(LuaTable t, Map<LuaTable, ProtectedTable> seen) {
        for (LuaValue k : t.keys()) {
            LuaValue v = t.rawget(k);
            if (v instanceof LuaTable && !(v instanceof Globals)) {
                LuaTable tv = (LuaTable) v;
                ProtectedTable p = seen.get(tv);
                if (p == null) {
                    p = tv instanceof ProtectedTable ? (ProtectedTable) tv : ProtectedTable.copyOf(tv);
                    seen.put(tv, p);
                    LuaValue mt = tv.getmetatable();
                    if (mt != null && mt.istable()) p.setmetatable(mt);
                    protectAll(p, seen);
                    p.readonly(true);
                }
                t.rawset(k, p);
            }
        }
    }

    /**
     * Compiles a chunk; on a syntax error throws a LuaError whose message is Lua's
     * ("user_script:1: ..."). The chunk's environment is the globals (or the function-mode globals).
     */
    LuaFunction compile(byte[] body, int offset, String chunkName) {
        LuaValue env = functionMode ? functionGlobals : globals;
        LuaValue f = globals.load(new ByteArrayInputStream(body, offset, body.length - offset), chunkName, "t", env);
        return (LuaFunction) f;
    }

    /** The API tables swapped in while a library's body runs (FUNCTION LOAD). */
    void loadMode(boolean on) {
        functionGlobalsMeta.readonly(false);
        functionGlobalsMeta.set("__index", on ? loadApi : globals);
        functionGlobalsMeta.readonly(true);
    }

    /** Sets KEYS and ARGV, unlocking the globals for the moment (EVAL only). */
    void setKeysAndArgv(LuaTable keys, LuaTable argv) {
        globals.readonly(false);
        globals.rawset("KEYS", keys);
        globals.rawset("ARGV", argv);
        globals.readonly(true);
    }

    void arm(ScriptRun r) {
        run = r;
        hook.reset();
    }

    /**
     * The message object of a Lua error as Lua 5.1 would have it: LuaJ writes the position as
     * "@user_script:1 msg", Lua as "user_script:1: msg".
     */
    static LuaValue messageOf(LuaError e) {
        LuaValue o = e.getMessageObject();
        if (o != null && o.type() == LuaValue.TSTRING) return LuaValue.valueOf(fixPosition(chop(o.tojstring())));
        return o == null ? LuaValue.NIL : o;
    }

    /** Drops the newline LuaJ's (empty) traceback leaves at the end of a message. */
    private static String chop(String m) {
        return m.endsWith("\n") ? m.substring(0, m.length() - 1) : m;
    }

    static String fixPosition(String m) {
        if (m.startsWith("@")) {
            int sp = m.indexOf(' ');
            int colon = m.lastIndexOf(':', sp < 0 ? m.length() : sp);
            if (sp > 0 && colon > 0 && isDigits(m, colon + 1, sp)) {
                return m.substring(1, sp) + ": " + m.substring(sp + 1);
            }
            if (sp < 0 && colon > 0 && isDigits(m, colon + 1, m.length())) return m.substring(1) + ":";
        }
        return m;
    }

    /** The "@user_script" and line LuaJ recorded for an error, or null. */
    static String[] position(LuaError e) {
        String m = e.getMessage();
        if (m == null || !m.startsWith("@")) return null;
        m = chop(m);
        int sp = m.indexOf(' ');
        int end = sp < 0 ? m.length() : sp;
        int colon = m.lastIndexOf(':', end);
        if (colon < 0 || !isDigits(m, colon + 1, end)) return null;
        return new String[] {m.substring(0, colon), m.substring(colon + 1, end)};
    }

    private static boolean isDigits(String s, int from, int to) {
        if (from >= to) return false;
        for (int i = from; i < to; i++) if (!Character.isDigit(s.charAt(i))) return false;
        return true;
    }

    /** __index of the globals: reading an unknown global is an error. */
    private static final class NonexistentGlobal extends org.luaj.vm2.lib.TwoArgFunction {
        private final LuaEngine engine;

        NonexistentGlobal(LuaEngine engine) {
            this.engine = engine;
        }

        @Override public LuaValue call(LuaValue table, LuaValue key) {
            throw engine.error("Script attempted to access nonexistent global variable '" + key.tojstring() + "'");
        }
    }

    /**
     * pcall as Redis defines it (luaRedisPcall): an error table raised by redis.call is given
     * back as its "err" string; positions read as in Lua 5.1; a killed script cannot be caught.
     */
    private static final class PCall extends VarArgFunction {
        private final LuaEngine engine;

        PCall(LuaEngine engine) {
            this.engine = engine;
        }

        @Override public Varargs invoke(Varargs args) {
            LuaValue f = args.checkvalue(1);
            try {
                return LuaValue.varargsOf(LuaValue.TRUE, f.invoke(args.subargs(2)));
            } catch (ScriptKilled k) {
                throw k;
            } catch (LuaError e) {
                engine.checkKilled();
                LuaValue m = messageOf(engine.normalize(e));
                if (m.istable() && m.get("err").isstring()) m = m.get("err");
                return LuaValue.varargsOf(LuaValue.FALSE, m);
            } catch (StackOverflowError e) {
                return LuaValue.varargsOf(LuaValue.FALSE, LuaValue.valueOf("stack overflow"));
            }
        }
    }

    private static final class XPCall extends VarArgFunction {
        private final LuaEngine engine;

        XPCall(LuaEngine engine) {
            this.engine = engine;
        }

        @Override public Varargs invoke(Varargs args) {
            LuaValue f = args.arg1();
            LuaValue handler = args.arg(2);
            try {
                return LuaValue.varargsOf(LuaValue.TRUE, f.invoke(args.subargs(3)));
            } catch (ScriptKilled k) {
                throw k;
            } catch (LuaError e) {
                engine.checkKilled();
                return LuaValue.varargsOf(LuaValue.FALSE, handler.invoke(messageOf(engine.normalize(e))));
            }
        }
    }

    void checkKilled() {
        ScriptRun r = run;
        if (r != null && r.killed) throw new ScriptKilled();
    }

    /** Raised once a script is killed; pcall does not catch it (Redis re-arms its hook on every line). */
    static final class ScriptKilled extends LuaError {
        ScriptKilled() {
            super(RedisApi.errorTable("ERR Script killed by user with SCRIPT KILL..."));
        }
    }

    /**
     * The instruction hook (Redis' luaMaskCountHook): every 100k instructions, looks at the
     * clock for busy-reply-threshold and whether the script was killed. LuaJ calls it per
     * instruction once installed as the debug library. It also keeps the stack of running Lua
     * functions and their pc, so errors raised from Java know the script's line (what
     * debug.getinfo gives Redis' error handler).
     */
    static final class KillHook extends org.luaj.vm2.lib.DebugLib {
        private final LuaEngine engine;
        private int count;
        private org.luaj.vm2.LuaClosure[] closures = new org.luaj.vm2.LuaClosure[64];
        private int[] pcs = new int[64];
        private LuaValue[][] stacks = new LuaValue[64][];
        private int depth;
        private org.luaj.vm2.LuaClosure lastClosure;
        private int lastPc;
        private LuaValue[] lastStack;
        /** The frame where LuaJ last raised a runtime error (captured in {@link #traceback}). */
        private org.luaj.vm2.LuaClosure errClosure;
        private int errPc;
        private LuaValue[] errStack;

        KillHook(LuaEngine engine) {
            this.engine = engine;
        }

        void reset() {
            count = 0;
            depth = 0;
            lastClosure = null;
            lastStack = null;
            errClosure = null;
            errStack = null;
            java.util.Arrays.fill(stacks, null);
        }

        @Override public void onCall(LuaFunction f) {}

        @Override public void onCall(org.luaj.vm2.LuaClosure c, Varargs varargs, LuaValue[] stack) {
            if (depth == closures.length) {
                closures = java.util.Arrays.copyOf(closures, depth * 2);
                pcs = java.util.Arrays.copyOf(pcs, depth * 2);
                stacks = java.util.Arrays.copyOf(stacks, depth * 2);
            }
            closures[depth] = c;
            stacks[depth] = stack;
            pcs[depth++] = 0;
        }

        @Override public void onReturn() {
            if (depth > 0) {
                depth--;
                lastClosure = closures[depth];
                lastPc = pcs[depth];
                lastStack = stacks[depth];
                closures[depth] = null;
                stacks[depth] = null;
            }
        }

        /**
         * LuaJ appends this to error messages when a debug library is set: nothing. LuaJ calls it
         * while the failing function is still the top frame, so this is where the culprit of a
         * runtime error ("attempt to call nil") is recorded for {@link LuaErrorText}.
         */
        @Override public String traceback(int level) {
            if (depth > 0) {
                errClosure = closures[depth - 1];
                errPc = pcs[depth - 1];
                errStack = stacks[depth - 1];
            }
            return "";
        }

        /** Lua 5.1's text for a LuaJ runtime error raised in a Lua function (with a position). */
        String rewriteRaised(String body) {
            return errClosure == null ? body : LuaErrorText.rewrite(body, errClosure.p, errPc, errStack);
        }

        /** For an error without a position (raised by a tail call): its text and the tail call's position. */
        String[] rewriteTailCall(String body) {
            if (lastClosure == null) return null;
            org.luaj.vm2.Prototype p = lastClosure.p;
            String src = p.source == null ? "?" : p.source.tojstring();
            int line = p.lineinfo != null && lastPc >= 0 && lastPc < p.lineinfo.length ? p.lineinfo[lastPc] : 0;
            return new String[] {LuaErrorText.rewrite(body, p, lastPc, lastStack), src, Integer.toString(line)};
        }

        @Override public void onInstruction(int pc, Varargs v, int top) {
            if (depth > 0) pcs[depth - 1] = pc;
            if (++count < 100_000) return;
            count = 0;
            ScriptRun r = engine.run;
            if (r != null) {
                engine.host.interrupt(r);
                if (r.killed) throw new ScriptKilled();
            } else if (engine.loading != null) {
                engine.loading.checkTimeout();
            }
        }

        /** The source ("@user_script") and line of the Lua function calling into Java, or null. */
        String[] where() {
            org.luaj.vm2.LuaClosure c = depth > 0 ? closures[depth - 1] : lastClosure;
            int pc = depth > 0 ? pcs[depth - 1] : lastPc;
            if (c == null) return null;
            org.luaj.vm2.Prototype p = c.p;
            String src = p.source == null ? "?" : p.source.tojstring();
            int line = p.lineinfo != null && pc >= 0 && pc < p.lineinfo.length ? p.lineinfo[pc] : 0;
            return new String[] {src, Integer.toString(line)};
        }
    }

    /**
     * A LuaJ runtime error ("attempt to call nil", "@user_script:1 attempt to index ? (a nil
     * value)") as Lua 5.1 words and positions it; other errors are returned as they are.
     */
    LuaError normalize(LuaError e) {
        if (e instanceof PositionedError || e instanceof ScriptKilled) return e;
        LuaValue o = e.getMessageObject();
        if (o == null || o.type() != LuaValue.TSTRING) return e;
        String m = chop(o.tojstring());
        String[] where;
        String text;
        if (m.startsWith("@")) {
            where = position(e);
            int sp = m.indexOf(' ');
            if (where == null || sp < 0) return e;
            String body = m.substring(sp + 1);
            if (!body.startsWith("attempt to ")) return e;
            text = hook.rewriteRaised(body);
        } else {
            if (!m.startsWith("attempt to ")) return e;
            String[] t = hook.rewriteTailCall(m);
            if (t == null) return e;
            text = t[0];
            where = new String[] {t[1], t[2]};
        }
        String src = where[0].startsWith("@") ? where[0].substring(1) : where[0];
        String full = src + ":" + where[1] + ": " + text;
        PositionedError pe = new PositionedError(LuaValue.valueOf(full), full);
        pe.where = where;
        return pe;
    }

    /** Where the script is, as Redis' error handler records it (source, line), or null. */
    String[] where() {
        return hook.where();
    }

    /** luaL_error from Java: the message prefixed with the calling script's position ("user_script:1: "). */
    LuaError error(String msg) {
        String[] w = hook.where();
        String m = w == null ? msg : (w[0].startsWith("@") ? w[0].substring(1) : w[0]) + ":" + w[1] + ": " + msg;
        PositionedError e = new PositionedError(LuaValue.valueOf(m), m);
        e.where = w;
        return e;
    }

    /** An error table raised from Java (luaPushError + luaError), with the handler's source and line. */
    LuaError error(LuaTable t) {
        String[] w = hook.where();
        if (w != null && t.rawget("source").isnil()) {
            t.rawset("source", LuaValue.valueOf(w[0]));
            t.rawset("line", LuaValue.valueOf(Integer.parseInt(w[1])));
        }
        return new PositionedError(t, "");
    }

    /** A LuaError whose position is already in it: LuaJ must not add its own. */
    static final class PositionedError extends LuaError {
        String[] where;

        PositionedError(LuaValue object, String message) {
            super(object);
            this.traceback = message;
        }
    }
}
