package io.cinnabar.scripting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** The {@code redis} table scripts see (script_lua.c luaRegisterRedisAPI, eval.c scriptingInit). */
final class RedisApi {
    static final String VERSION = "7.0.15";
    static final int VERSION_NUM = 0x07000f;
    static final int REPL_AOF = 1, REPL_REPLICA = 2;

    private final LuaEngine engine;

    RedisApi(LuaEngine engine) {
        this.engine = engine;
    }

    private interface Body {
        Varargs run(Varargs args);
    }

    private static VarArgFunction fn(Body b) {
        return new VarArgFunction() {
            @Override public Varargs invoke(Varargs args) {
                return b.run(args);
            }
        };
    }

    LuaTable table(boolean evalExtras) {
        LuaTable t = new LuaTable();
        t.set("call", fn(a -> call(a, true)));
        t.set("pcall", fn(a -> call(a, false)));
        registerLog(t);
        t.set("setresp", fn(this::setresp));
        t.set("sha1hex", fn(a -> {
            if (a.narg() != 1) throw raise("wrong number of arguments");
            LuaValue v = a.arg1();
            byte[] b = v.isstring() ? bytes(v) : new byte[0];
            return LuaValue.valueOf(sha1hex(b));
        }));
        t.set("error_reply", fn(a -> {
            if (a.narg() != 1 || a.arg1().type() != LuaValue.TSTRING) {
                return errorTable("ERR wrong number or type of arguments");
            }
            String s = a.arg1().tojstring();
            return errorTable(s.startsWith("-") ? s : "-" + s, true);
        }));
        t.set("status_reply", fn(a -> {
            if (a.narg() != 1 || a.arg1().type() != LuaValue.TSTRING) {
                return errorTable("ERR wrong number or type of arguments");
            }
            LuaTable r = new LuaTable();
            r.set("ok", a.arg1());
            return r;
        }));
        t.set("set_repl", fn(this::setRepl));
        t.set("REPL_NONE", 0);
        t.set("REPL_AOF", REPL_AOF);
        t.set("REPL_SLAVE", REPL_REPLICA);
        t.set("REPL_REPLICA", REPL_REPLICA);
        t.set("REPL_ALL", REPL_AOF | REPL_REPLICA);
        t.set("acl_check_cmd", fn(this::aclCheckCmd));
        if (evalExtras) {
            t.set("breakpoint", fn(a -> LuaValue.FALSE)); // no debugging session is ever active
            t.set("debug", fn(a -> LuaValue.NONE));
            t.set("replicate_commands", fn(a -> LuaValue.TRUE)); // effects replication is the only mode
        }
        return t;
    }

    /** What a library's body sees of {@code redis} while FUNCTION LOAD runs it. */
    void registerLoadApi(LuaTable t) {
        t.set("register_function", fn(this::registerFunction));
        registerLog(t);
    }

    private void registerLog(LuaTable t) {
        t.set("log", fn(this::log));
        t.set("LOG_DEBUG", 0);
        t.set("LOG_VERBOSE", 1);
        t.set("LOG_NOTICE", 2);
        t.set("LOG_WARNING", 3);
        t.set("REDIS_VERSION_NUM", VERSION_NUM);
        t.set("REDIS_VERSION", VERSION);
    }

    static byte[] bytes(LuaValue v) {
        LuaString s = v.checkstring();
        byte[] b = new byte[s.m_length];
        System.arraycopy(s.m_bytes, s.m_offset, b, 0, s.m_length);
        return b;
    }

    static String sha1hex(byte[] b) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(b);
            char[] out = new char[40];
            String hex = "0123456789abcdef";
            for (int i = 0; i < 20; i++) {
                out[i * 2] = hex.charAt((d[i] >> 4) & 0xF);
                out[i * 2 + 1] = hex.charAt(d[i] & 0xF);
            }
            return new String(out);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** luaPushError's table: "-CODE msg" keeps its code, a bare message gets "ERR". */
    static LuaTable errorTable(String err) {
        return errorTable(err, err.startsWith("-"));
    }

    static LuaTable errorTable(String err, boolean hasCode) {
        String code;
        String msg;
        if (hasCode && err.startsWith("-")) {
            int sp = err.indexOf(' ');
            if (sp < 0) {
                code = "ERR";
                msg = err.substring(1);
            } else {
                code = err.substring(1, sp);
                msg = err.substring(sp + 1);
            }
        } else if (err.startsWith("ERR ")) {
            code = "ERR";
            msg = err.substring(4);
        } else {
            code = "ERR";
            msg = err;
        }
        int end = msg.length();
        while (end > 0 && (msg.charAt(end - 1) == '\r' || msg.charAt(end - 1) == '\n')) end--;
        int start = 0;
        while (start < end && (msg.charAt(start) == '\r' || msg.charAt(start) == '\n')) start++;
        LuaTable t = new LuaTable();
        t.set("err", LuaValue.valueOf((code + " " + msg.substring(start, end)).getBytes(StandardCharsets.ISO_8859_1)));
        return t;
    }

    /** An error raised from the API: a table with "err", as luaPushError + luaError. */
    LuaError raise(String msg) {
        return engine.error(errorTable(msg, false));
    }

    private ScriptRun requireRun(String what) {
        ScriptRun r = engine.run;
        if (r == null) throw raise(what + " can only be called inside a script invocation");
        return r;
    }

    private Varargs call(Varargs a, boolean raiseError) {
        ScriptRun r = requireRun("redis.call/pcall");
        engine.checkKilled(); // a killed script stops at its next call, not only at the instruction hook
        int n = a.narg();
        if (n == 0) {
            LuaTable e = errorTable("Please specify at least one argument for this redis lib call", false);
            if (raiseError) throw engine.error(e);
            return e;
        }
        byte[][] argv = argv(a);
        if (argv == null) {
            LuaTable e = errorTable("Lua redis lib command arguments must be strings or integers", false);
            if (raiseError) throw engine.error(e);
            return e;
        }
        LuaValue reply = engine.host.call(r, argv);
        if (raiseError && reply.istable() && reply.rawget("err").isstring()) throw engine.error((LuaTable) reply);
        return reply;
    }

    /** luaArgsToRedisArgv: strings as they are, numbers as %.17g; null if another type is given. */
    private static byte[][] argv(Varargs a) {
        byte[][] argv = new byte[a.narg()][];
        for (int i = 0; i < argv.length; i++) {
            LuaValue v = a.arg(i + 1);
            if (v.type() == LuaValue.TNUMBER) {
                argv[i] = LuaNumbers.format17g(v.todouble()).getBytes(StandardCharsets.US_ASCII);
            } else if (v.type() == LuaValue.TSTRING) {
                argv[i] = bytes(v);
            } else {
                return null;
            }
        }
        return argv;
    }

    private Varargs setresp(Varargs a) {
        ScriptRun r = requireRun("redis.setresp");
        if (a.narg() != 1) throw raise("redis.setresp() requires one argument.");
        int resp = (int) a.arg1().todouble();
        if (resp != 2 && resp != 3) throw raise("RESP version must be 2 or 3.");
        r.resp = resp;
        return LuaValue.NONE;
    }

    private Varargs setRepl(Varargs a) {
        ScriptRun r = requireRun("redis.set_repl");
        if (a.narg() != 1) throw raise("redis.set_repl() requires two arguments.");
        int flags = (int) a.arg1().todouble();
        if ((flags & ~(REPL_AOF | REPL_REPLICA)) != 0) {
            throw raise("Invalid replication flags. Use REPL_AOF, REPL_REPLICA, REPL_ALL or REPL_NONE.");
        }
        r.replFlags = flags;
        return LuaValue.NONE;
    }

    private Varargs aclCheckCmd(Varargs a) {
        ScriptRun r = requireRun("redis.acl_check_cmd");
        int n = a.narg();
        if (n == 0) throw raise("Please specify at least one argument for this redis lib call");
        byte[][] argv = argv(a);
        if (argv == null) throw raise("Lua redis lib command arguments must be strings or integers");
        Boolean allowed = engine.host.aclCheck(r, argv);
        if (allowed == null) throw raise("Invalid command passed to redis.acl_check_cmd()");
        return LuaValue.valueOf(allowed);
    }

    private Varargs log(Varargs a) {
        int argc = a.narg();
        if (argc < 2) throw raise("redis.log() requires two arguments or more.");
        if (!a.arg1().isnumber()) throw raise("First argument must be a number (log level).");
        int level = (int) a.arg1().todouble();
        if (level < 0 || level > 3) throw raise("Invalid debug level.");
        StringBuilder sb = new StringBuilder();
        for (int j = 2; j <= argc; j++) {
            LuaValue v = a.arg(j);
            if (v.isstring()) {
                if (j != 2) sb.append(' ');
                sb.append(v.type() == LuaValue.TNUMBER ? LuaNumbers.format14g(v.todouble()) : v.tojstring());
            }
        }
        engine.host.log(level, sb.toString());
        return LuaValue.NONE;
    }

    private Varargs registerFunction(Varargs a) {
        FunctionLibrary lib = engine.loading;
        if (lib == null) throw raise("redis.register_function can only be called on FUNCTION LOAD command");
        int argc = a.narg();
        if (argc < 1 || argc > 2) throw raise("wrong number of arguments to redis.register_function");
        String name = null;
        String desc = null;
        LuaValue callback = null;
        int flags = 0;
        if (argc == 1) {
            if (!a.arg1().istable()) {
                throw raise("calling redis.register_function with a single argument is only applicable to Lua table "
                        + "(representing named arguments).");
            }
            LuaTable t = a.arg1().checktable();
            LuaValue k = LuaValue.NIL;
            while (true) {
                Varargs nx = t.next(k);
                if ((k = nx.arg1()).isnil()) break;
                LuaValue v = nx.arg(2);
                if (!k.isstring()) throw raise("named argument key given to redis.register_function is not a string");
                String key = k.tojstring().toLowerCase(java.util.Locale.ROOT);
                switch (key) {
                    case "function_name":
                        if (!v.isstring()) throw raise("function_name argument given to redis.register_function must be a string");
                        name = v.tojstring();
                        break;
                    case "description":
                        if (!v.isstring()) throw raise("description argument given to redis.register_function must be a string");
                        desc = v.tojstring();
                        break;
                    case "callback":
                        if (!v.isfunction()) throw raise("callback argument given to redis.register_function must be a function");
                        callback = v;
                        break;
                    case "flags":
                        if (!v.istable()) {
                            throw raise("flags argument to redis.register_function must be a table representing function flags");
                        }
                        int f = ScriptFlags.fromTable(v.checktable());
                        if (f < 0) throw raise("unknown flag given");
                        flags = f;
                        break;
                    default:
                        throw raise("unknown argument given to redis.register_function");
                }
            }
            if (name == null) throw raise("redis.register_function must get a function name argument");
            if (callback == null) throw raise("redis.register_function must get a callback argument");
        } else {
            if (!a.arg1().isstring()) throw raise("first argument to redis.register_function must be a string");
            if (!a.arg(2).isfunction()) throw raise("second argument to redis.register_function must be a function");
            name = a.arg1().tojstring();
            callback = a.arg(2);
        }
        String err = lib.addFunction(name, callback.checkfunction(), desc, flags);
        if (err != null) throw raise(err);
        return LuaValue.NONE;
    }

    VarArgFunction mathRandom() {
        return fn(a -> {
            if (engine.run == null) throw engine.error("math.random can only be called inside a script invocation");
            double r = (double) (engine.random.next() % Lrand48.MAX) / (double) Lrand48.MAX;
            switch (a.narg()) {
                case 0:
                    return LuaValue.valueOf(r);
                case 1: {
                    int u = a.checkint(1);
                    if (u < 1) LuaValue.argerror(1, "interval is empty");
                    return LuaValue.valueOf(Math.floor(r * u) + 1);
                }
                case 2: {
                    int l = a.checkint(1);
                    int u = a.checkint(2);
                    if (l > u) LuaValue.argerror(2, "interval is empty");
                    return LuaValue.valueOf(Math.floor(r * (u - l + 1)) + l);
                }
                default:
                    throw engine.error("wrong number of arguments");
            }
        });
    }

    VarArgFunction mathRandomseed() {
        return fn(a -> {
            if (engine.run == null) throw engine.error("math.randomseed can only be called inside a script invocation");
            engine.random.seed(a.checkint(1));
            return LuaValue.NONE;
        });
    }
}
