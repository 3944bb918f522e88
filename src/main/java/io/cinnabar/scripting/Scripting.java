package io.cinnabar.scripting;

import io.cinnabar.command.CommandEntry;
import io.cinnabar.command.CommandFlag;
import io.cinnabar.command.Ctx;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.server.ClientConnection;
import io.cinnabar.server.Server;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiPredicate;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * The scripting subsystem of one server (eval.c, script.c, functions.c): the EVAL script cache
 * and its Lua state, the function libraries and theirs, the fake client scripts run commands
 * with, and the script in progress. Commands a script calls go through the dispatcher's
 * {@code call()}, so statistics, keyspace events, WATCH, blocked clients and propagation work
 * as for any command; their effects are propagated (Redis 7 effects replication), the script
 * itself is not.
 */
public final class Scripting implements io.cinnabar.persistence.FunctionLibraries {
    /** A cached EVAL script (Redis' luaScript). */
    static final class EvalScript {
        final byte[] body;
        final int flags;
        final LuaFunction function;

        EvalScript(byte[] body, int flags, LuaFunction function) {
            this.body = body;
            this.flags = flags;
            this.function = function;
        }
    }

    static final RedisError NOSCRIPT = new RedisError("NOSCRIPT No matching script. Please use EVAL.");
    public static final RedisError BUSY_EVAL = new RedisError(
            "BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.");
    public static final RedisError BUSY_FUNCTION = new RedisError(
            "BUSY Redis is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE.");

    final Server server;
    private LuaEngine evalEngine;
    private final Map<String, EvalScript> scripts = new LinkedHashMap<>();
    private long scriptsBodyBytes;
    final Functions functions;
    private final ScriptDebugger debugger = new ScriptDebugger(this);
    private ClientConnection fakeClient;
    private Ctx fakeCtx;
    /** The run in progress (Redis' curr_run_ctx), null when none. */
    volatile ScriptRun current;
    /** The run that went over busy-reply-threshold: the server is in busy mode. */
    private volatile ScriptRun busyRun;
    /** Held by the script thread while it runs a command, and by the event loop to enter busy mode. */
    private final java.util.concurrent.locks.ReentrantLock keyspaceLock = new java.util.concurrent.locks.ReentrantLock();
    private java.util.concurrent.ExecutorService scriptThread;
    /** ACL hook for redis.acl_check_cmd and redis.call: (caller, argv) → allowed. Allows all until ACLs exist. */
    private BiPredicate<ClientConnection, byte[][]> aclCheck = (c, argv) -> true;
    /** DEBUG SET-DISABLE-DENY-SCRIPTS: lets scripts call commands flagged noscript. */
    private boolean disableDenyScripts;

    public Scripting(Server server) {
        this.server = server;
        this.functions = new Functions(this);
        server.dispatcher().busyGuard(this::busyError, this::busy);
        server.dispatcher().interceptor(debugger::intercept);
    }

    /** SCRIPT DEBUG YES/SYNC (on) or NO: the client's next EVAL starts a debugging session. */
    public void debugMode(ClientConnection c, boolean on) {
        debugger.mode(c, on);
    }

    /** The debugger's "redis" command: runs it as a script would, its reply as the script sees it. */
    LuaValue debugCall(Ctx ctx, byte[][] argv) {
        ScriptRun run = prepare(ctx, "ldb", ScriptFlags.EVAL_COMPAT_MODE, false, true);
        current = run;
        try {
            return callHere(run, argv);
        } finally {
            current = null;
            fakeClient.flags &= ~ClientConnection.MULTI;
        }
    }

    /** Installs the ACL check used by scripts (the ACL subsystem calls this). */
    public void aclCheck(BiPredicate<ClientConnection, byte[][]> check) {
        this.aclCheck = check;
    }

    public void disableDenyScripts(boolean on) {
        disableDenyScripts = on;
    }

    public Functions functions() {
        return functions;
    }

    @Override public java.util.List<byte[]> libraryCodes() {
        return functions.codes();
    }

    @Override public String replaceLibraries(java.util.List<byte[]> codes) {
        return functions.replaceAll(codes);
    }

    @Override public String addLibraries(java.util.List<byte[]> codes, boolean keepCurrent) {
        return functions.addAll(codes, keepCurrent);
    }

    LuaEngine evalEngine() {
        if (evalEngine == null) evalEngine = new LuaEngine(this, false);
        return evalEngine;
    }

    private Ctx fakeCtx() {
        if (fakeCtx == null) {
            fakeClient = server.newFakeClient();
            fakeClient.flags |= ClientConnection.LUA;
            fakeCtx = new Ctx(server, fakeClient);
            fakeCtx.nested(true);
        }
        return fakeCtx;
    }

    // ---- EVAL script cache ----

    public int scriptCount() {
        return scripts.size();
    }

    /** used_memory_scripts_eval: bodies plus per-entry overhead, roughly as evalScriptsMemory. */
    public long scriptsMemory() {
        return scriptsBodyBytes + scripts.size() * (40L + 48 + 16) ;
    }

    /** used_memory_lua: what the EVAL Lua state holds (an estimate: LuaJ shares the JVM heap). */
    public long evalLuaMemory() {
        return evalEngine == null ? 37888 : 37888 + scriptsBodyBytes * 4;
    }

    public boolean scriptExists(byte[] sha) {
        return scripts.containsKey(new String(sha, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT));
    }

    /** SCRIPT FLUSH: forgets every script and starts a fresh Lua state (scriptingReset). */
    public void flushScripts() {
        scripts.clear();
        scriptsBodyBytes = 0;
        evalEngine = null;
    }

    /** luaCreateFunction: compiles and caches {@code body}; returns its sha. Errors are thrown as replies. */
    public String loadScript(byte[] body) {
        String sha = RedisApi.sha1hex(body);
        if (scripts.containsKey(sha)) return sha;
        create(sha, body);
        return sha;
    }

    private EvalScript create(String sha, byte[] body) {
        ScriptFlags.Shebang sb;
        try {
            sb = ScriptFlags.parseEval(body);
        } catch (IllegalArgumentException e) {
            throw Errors.err(e.getMessage());
        }
        LuaFunction f;
        try {
            f = evalEngine().compile(body, sb.length(), "@user_script");
        } catch (LuaError e) {
            throw Errors.err("Error compiling script (new function): " + LuaEngine.messageOf(e).tojstring());
        }
        EvalScript s = new EvalScript(body, sb.flags(), f);
        scripts.put(sha, s);
        scriptsBodyBytes += body.length + 40;
        return s;
    }

    /** The flags a cached or shebang'ed script declares, or -1 if unknown (evalGetCommandFlags). */
    public int declaredFlags(byte[] scriptOrSha, boolean isSha) {
        String sha = isSha ? new String(scriptOrSha, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT)
                : RedisApi.sha1hex(scriptOrSha);
        EvalScript s = scripts.get(sha);
        if (s != null) return s.flags;
        if (isSha) return -1;
        try {
            return ScriptFlags.parseEval(scriptOrSha).flags();
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /** EVAL / EVALSHA / EVAL_RO / EVALSHA_RO. */
    public void eval(Ctx ctx, Argv argv, boolean isSha, boolean ro) {
        long numkeys = argv.longArg(2);
        if (numkeys > argv.size() - 3) throw Errors.err("Number of keys can't be greater than number of args");
        if (numkeys < 0) throw Errors.err("Number of keys can't be negative");
        byte[] arg = argv.get(1);
        EvalScript s;
        String sha;
        if (isSha) {
            if (arg.length != 40) throw NOSCRIPT;
            sha = new String(arg, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
            s = scripts.get(sha);
            if (s == null) throw NOSCRIPT;
        } else {
            sha = RedisApi.sha1hex(arg);
            s = scripts.get(sha);
            if (s == null) s = create(sha, arg);
        }
        if (!isSha && debugger.startSession(ctx, argv, sha, arg)) return;
        ScriptRun run = prepare(ctx, sha, s.flags, ro, true);
        LuaEngine engine = evalEngine();
        int nk = (int) numkeys;
        engine.setKeysAndArgv(strings(argv, 3, nk), strings(argv, 3 + nk, argv.size() - 3 - nk));
        execute(engine, run, s.function, null, null);
    }

    static LuaTable strings(Argv argv, int from, int n) {
        LuaTable t = new LuaTable(n, 0);
        for (int i = 0; i < n; i++) t.rawset(i + 1, LuaValue.valueOf(argv.get(from + i)));
        return t;
    }

    /**
     * scriptPrepareForRun: the checks a script's flags call for, then a run context bound to the
     * fake client (caller's db, RESP2, MULTI if the caller is in one).
     */
    ScriptRun prepare(Ctx caller, String funcname, int flags, boolean ro, boolean evalMode) {
        boolean compat = (flags & ScriptFlags.EVAL_COMPAT_MODE) != 0;
        ClientConnection cc = caller.client();
        boolean obey = cc.has(ClientConnection.MASTER) || cc.isFake();
        if (staleReplica()) { // scriptPrepareForRun's running_stale
            if (compat) {
                throw new RedisError("MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'.");
            }
            if ((flags & ScriptFlags.ALLOW_STALE) == 0) {
                throw new RedisError("MASTERDOWN Link with MASTER is down, replica-serve-stale-data is set to 'no' "
                        + "and 'allow-stale' flag is not set on the script.");
            }
        }
        if (!compat) {
            if ((flags & ScriptFlags.NO_WRITES) == 0) {
                if (server.isReplica() && server.config().getBool("replica-read-only") && !obey) {
                    throw new RedisError("READONLY Can not run script with write flag on readonly replica");
                }
                if (ro) throw Errors.err("Can not execute a script with write flag using *_ro command.");
                RedisError disk = obey ? null : diskWriteDenial();
                if (disk != null) {
                    throw disk == io.cinnabar.persistence.DiskErrorGuard.BGSAVE_ERR
                            ? new RedisError("MISCONF Redis is configured to save RDB snapshots, but it's currently "
                                    + "unable to persist to disk. Writable scripts are blocked. Use 'no-writes' flag "
                                    + "for read only scripts.")
                            : disk;
                }
                if (!enoughGoodReplicas()) throw io.cinnabar.replication.ReplicaLimits.NOREPLICAS;
            }
            if ((flags & (ScriptFlags.ALLOW_OOM | ScriptFlags.NO_WRITES)) == 0 && server.dispatcher().preCommandOom()
                    && !obey) {
                throw new RedisError("OOM allow-oom flag is not set on the script, "
                        + "can not run it when used memory > 'maxmemory'");
            }
        }
        boolean readOnly = ro || (!compat && (flags & ScriptFlags.NO_WRITES) != 0);
        boolean allowOom = !compat && (flags & ScriptFlags.ALLOW_OOM) != 0;
        Ctx sctx = fakeCtx();
        fakeClient.db = cc.db;
        fakeClient.out().protocol(2);
        if (cc.has(ClientConnection.MULTI)) fakeClient.flags |= ClientConnection.MULTI;
        ScriptRun run = new ScriptRun(caller, sctx, funcname, evalMode, readOnly, allowOom, server.clock().millis());
        run.callerArgv = caller.argv() == null ? new Argv() : caller.argv().copy(); // null: the debugger's call
        return run;
    }

    /**
     * Runs {@code f} and replies to the caller (luaCallFunction), then ends the run (scriptResetRun).
     *
     * <p>Long scripts: the event loop is one thread, and Redis answers other clients while a
     * script is over busy-reply-threshold by re-entering its event loop from the Lua hook, which
     * Netty cannot do. So a top-level script runs on a dedicated script thread while the event
     * loop waits for it, up to the threshold; its redis.call()s run directly meanwhile (the event
     * loop is parked, a lock hands the keyspace over). Past the threshold the event loop goes back
     * to serving clients in busy mode: only ALLOW_BUSY commands run, others get BUSY, the
     * caller stays blocked, and the script's redis.call()s are handed to the event loop. When the
     * script ends, the event loop writes its reply, propagates its effects and resumes the caller.
     * Scripts inside MULTI/EXEC, from the master or the AOF run inline (as without a threshold).
     */
    void execute(LuaEngine engine, ScriptRun run, LuaFunction f, LuaTable keys, LuaTable args) {
        current = run;
        engine.arm(run);
        long threshold = server.config().getLong("busy-reply-threshold");
        ClientConnection cc = run.caller.client();
        if (threshold <= 0 || run.caller.nested() || cc.isFake() || cc.channel() == null
                || server.dispatcher().busy()) {
            finish(engine, run, runLua(run, f, keys, args), false);
            return;
        }
        java.util.concurrent.CompletableFuture<Object> done = new java.util.concurrent.CompletableFuture<>();
        run.offloaded = true;
        scriptThread().execute(() -> done.complete(runLua(run, f, keys, args)));
        Object outcome;
        try {
            outcome = done.get(threshold, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            goBusy(engine, run, done);
            return;
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            outcome = e;
        }
        finish(engine, run, outcome, false);
    }

    private java.util.concurrent.ExecutorService scriptThread() {
        if (scriptThread == null) {
            scriptThread = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "cinnabar-script");
                t.setDaemon(true);
                return t;
            });
        }
        return scriptThread;
    }

    private Object runLua(ScriptRun run, LuaFunction f, LuaTable keys, LuaTable args) {
        try {
            LuaValue v = run.evalMode ? f.call() : f.call(keys, args);
            return v == null ? LuaValue.NIL : v;
        } catch (LuaError | StackOverflowError e) {
            return e;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private void goBusy(LuaEngine engine, ScriptRun run, java.util.concurrent.CompletableFuture<Object> done) {
        keyspaceLock.lock();
        try {
            busyRun = run;
            run.timedOut = true;
        } finally {
            keyspaceLock.unlock();
        }
        server.log().warning("Slow script detected: still in execution after " + run.elapsedMillis()
                + " milliseconds. You can try killing the script using the "
                + (run.evalMode ? "SCRIPT KILL" : "FUNCTION KILL") + " command. Script name is: " + run.funcname + ".");
        ClientConnection c = run.caller.client();
        c.flags |= ClientConnection.BLOCKED;
        run.caller.preventPropagation();
        io.netty.channel.EventLoop loop = c.channel().eventLoop();
        done.whenComplete((outcome, ex) -> loop.execute(() -> {
            finish(engine, run, outcome, true);
            c.flags &= ~ClientConnection.BLOCKED;
            server.dispatcher().afterCommand();
            if (!c.isClosed()) {
                c.resume(); // the caller's pipelined commands, before its replies are flushed
                server.markPendingFlush(c);
                server.flushPending();
            }
        }));
    }

    /** Writes the script's reply (or error) and ends the run. */
    private void finish(LuaEngine engine, ScriptRun run, Object outcome, boolean afterBusy) {
        RespOut out = run.caller.out();
        RedisError error = null;
        LuaValue result = null;
        if (outcome instanceof LuaValue v) {
            result = v;
        } else if (outcome instanceof LuaError e) {
            error = errorReply(run, engine.normalize(e), out);
        } else if (outcome instanceof StackOverflowError) {
            error = Errors.err("Error running script " + run.funcname + ", stack overflow");
        } else {
            server.log().warning("Lua script " + run.funcname + " failed: " + outcome);
            error = Errors.err("Error running script " + run.funcname + ", " + outcome);
        }
        keyspaceLock.lock();
        try {
            busyRun = null;
        } finally {
            keyspaceLock.unlock();
        }
        engine.run = null;
        current = null;
        fakeClient.flags &= ~ClientConnection.MULTI;
        run.caller.preventPropagation();
        if (error != null) {
            if (!afterBusy) throw error;
            out.error(error.replyBytes());
            server.stats().error(error.code());
            return;
        }
        if (result != null && LuaToResp.write(out, result, run.resp, server.stats()) > 0 && run.caller.command() != null) {
            run.caller.command().failedCalls++; // an error reply makes the call failed (call(), afterErrorReply)
        }
    }

    /** In busy mode, the BUSY error for a command that is not allowed (null if it may run). */
    public RedisError busyError(io.cinnabar.command.CommandSpec spec, Argv argv) {
        ScriptRun r = busyRun;
        if (r == null) return null;
        boolean allowed = spec.has(CommandFlag.ALLOW_BUSY);
        if (allowed && spec.name().equals("shutdown")) {
            allowed = false;
            for (int i = 1; i < argv.size(); i++) if (argv.is(i, "nosave")) allowed = true;
        }
        if (allowed) return null;
        return r.evalMode ? BUSY_EVAL : BUSY_FUNCTION;
    }

    public boolean busy() {
        return busyRun != null;
    }

    /**
     * The error reply for a failed script (the error handler + luaCallFunction): the "err" of an
     * error table, or "ERR " + the message, followed by " script: NAME, on SOURCE:LINE." when
     * the position is known. Returns an error to throw (counted) or null if written uncounted.
     */
    private RedisError errorReply(ScriptRun run, LuaError e, RespOut out) {
        LuaValue obj = LuaEngine.messageOf(e);
        String msg;
        boolean ignoreStats = false;
        if (obj.istable() && obj.rawget("err").isstring()) {
            msg = new String(LuaToResp.bytes(obj.rawget("err")), StandardCharsets.UTF_8);
            ignoreStats = obj.rawget("ignore_error_stats_update").toboolean();
        } else {
            msg = "ERR " + (obj.isnil() ? "nil" : obj.type() == LuaValue.TNUMBER
                    ? LuaNumbers.format14g(obj.todouble()) : obj.tojstring());
        }
        String[] pos = null;
        if (obj.istable() && obj.rawget("source").isstring() && obj.rawget("line").isstring()) {
            pos = new String[] {obj.rawget("source").tojstring(), obj.rawget("line").tojstring()};
        } else if (obj.istable() && obj.rawget("err").isstring()) {
            pos = LuaEngine.position(e);
        } else if (e instanceof LuaEngine.PositionedError pe) {
            pos = pe.where;
        } else {
            pos = LuaEngine.position(e);
        }
        if (pos != null) msg = msg + " script: " + run.funcname + ", on " + pos[0] + ":" + pos[1] + ".";
        if (ignoreStats) {
            // already counted by the command that failed inside; the script's command still failed
            // (afterErrorReply with ERR_REPLY_FLAG_NO_STATS_UPDATE)
            out.error(msg);
            if (run.caller.command() != null) run.caller.command().failedCalls++;
            return null;
        }
        return new RedisError(msg);
    }

    // ---- redis.call ----

    /**
     * redis.call from the script thread: directly while the event loop waits for the script,
     * on the event loop once it serves other clients (busy mode).
     */
    LuaValue call(ScriptRun r, byte[][] argvBytes) {
        if (!r.offloaded) return callHere(r, argvBytes);
        keyspaceLock.lock();
        try {
            if (busyRun == null) return callHere(r, argvBytes);
            java.util.concurrent.CompletableFuture<LuaValue> f = new java.util.concurrent.CompletableFuture<>();
            r.caller.client().channel().eventLoop().execute(() -> {
                try {
                    f.complete(callHere(r, argvBytes));
                } catch (Throwable t) {
                    f.completeExceptionally(t);
                }
            });
            try {
                return f.get();
            } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) throw re;
                throw new LuaError(e.toString());
            }
        } finally {
            keyspaceLock.unlock();
        }
    }

    /** checkGoodReplicasStatus: min-replicas-to-write holds (always, on a replica). */
    /** A replica whose master link is down with replica-serve-stale-data no. */
    private boolean staleReplica() {
        io.cinnabar.replication.Replication repl = server.replication();
        if (repl == null || repl.link() == null || repl.link().up()) return false;
        return !server.config().getBool("replica-serve-stale-data");
    }

    private boolean enoughGoodReplicas() {
        io.cinnabar.replication.Replication repl = server.replication();
        return repl == null || repl.limits().enoughGoodReplicas();
    }

    /** MISCONF for writes while the disk fails (writeCommandsDeniedByDiskError), or null. */
    private RedisError diskWriteDenial() {
        io.cinnabar.persistence.Persistence p = server.persistence();
        return p == null ? null : p.diskWriteDenial();
    }

    /** scriptCall: the checks Redis makes before a script's command, then the command itself. */
    private LuaValue callHere(ScriptRun r, byte[][] argvBytes) {
        Argv argv = Argv.of(argvBytes);
        CommandEntry e = server.dispatcher().lookup(argv);
        String err = null;
        if (e == null || !e.spec().arityOk(argv.size())) {
            err = e == null ? "Unknown Redis command called from script"
                    : "Wrong number of args calling Redis command from script";
        } else {
            long flags = e.spec().flags();
            if ((flags & CommandFlag.NOSCRIPT) != 0 && !disableDenyScripts) {
                err = "This Redis command is not allowed from script";
            } else if ((flags & CommandFlag.STALE) == 0 && staleReplica()) {
                err = "Can not execute the command on a stale replica"; // scriptVerifyAllowStale
            } else if ((err = aclError(r, e, argv)) != null) {
                // scriptVerifyACL: denied, and logged in the "lua" context by the ACL subsystem
            } else if (r.readOnly && (flags & (CommandFlag.WRITE | CommandFlag.MAY_REPLICATE)) != 0) {
                err = "Write commands are not allowed from read-only scripts.";
            } else if ((flags & CommandFlag.WRITE) != 0 && !r.writeDirty && server.isReplica()
                    && server.config().getBool("replica-read-only") && !r.caller.client().has(ClientConnection.MASTER)
                    && !r.caller.client().isFake()) {
                err = "-" + Errors.READONLY.getMessage();
            } else if ((flags & CommandFlag.WRITE) != 0 && !r.writeDirty && !r.caller.client().isFake()
                    && !r.caller.client().has(ClientConnection.MASTER) && diskWriteDenial() != null) {
                err = "-" + diskWriteDenial().getMessage(); // scriptVerifyWriteCommandAllow
            } else if ((flags & CommandFlag.WRITE) != 0 && !r.writeDirty && !enoughGoodReplicas()) {
                err = "-" + io.cinnabar.replication.ReplicaLimits.NOREPLICAS.getMessage();
            } else if (!r.allowOom && !r.writeDirty && (flags & CommandFlag.DENYOOM) != 0
                    && server.dispatcher().preCommandOom() && !r.caller.client().isFake()
                    && !r.caller.client().has(ClientConnection.MASTER)) {
                err = "-" + Errors.OOM.getMessage();
            }
        }
        if (err != null) {
            LuaTable t = RedisApi.errorTable(err);
            t.set("ignore_error_stats_update", LuaValue.TRUE);
            String m = t.rawget("err").tojstring();
            server.stats().error(m.substring(0, Math.max(0, m.indexOf(' '))));
            if (e != null) e.rejectedCalls++;
            return t;
        }
        if (e.spec().isWrite()) r.writeDirty = true;
        Ctx sctx = r.scriptCtx;
        RespOut out = sctx.out();
        out.protocol(r.resp);
        int mark = out.mark();
        int pendingBefore = server.propagator().pendingCount();
        server.dispatcher().call(sctx, e, argv);
        server.propagator().restrictPending(pendingBefore, r.replFlags); // REPL_AOF = TARGET_AOF, REPL_REPLICA = TARGET_REPL
        ByteBuf b = out.buf();
        b.readerIndex(mark);
        LuaValue v = RespToLua.parse(b);
        b.setIndex(0, mark);
        out.resetTo(mark);
        return v;
    }

    /** The ACL denial of a command the script calls ("The user executing the script can't ..."), or null. */
    private String aclError(ScriptRun r, CommandEntry e, Argv argv) {
        io.cinnabar.acl.Acl acl = io.cinnabar.acl.Acl.of(server);
        return acl == null ? null : acl.scriptCallError(r.caller.client(), e, argv);
    }

    /** redis.acl_check_cmd: null when the command does not exist. */
    Boolean aclCheck(ScriptRun r, byte[][] argv) {
        CommandEntry e = server.dispatcher().lookup(Argv.of(argv));
        if (e == null) return null;
        return aclCheck.test(r.caller.client(), argv);
    }

    void log(int level, String msg) {
        server.log().log(level, msg);
    }

    // ---- long scripts ----

    /** Called from the instruction hook every 100k instructions (scriptInterrupt). */
    void interrupt(ScriptRun r) {
        if (r.timedOut) return;
        long threshold = server.config().getLong("busy-reply-threshold");
        if (threshold > 0 && r.elapsedMillis() >= threshold) {
            server.log().warning("Slow script detected: still in execution after " + r.elapsedMillis()
                    + " milliseconds. You can try killing the script using the "
                    + (r.evalMode ? "SCRIPT KILL" : "FUNCTION KILL") + " command. Script name is: " + r.funcname + ".");
            r.timedOut = true;
        }
    }

    /** FUNCTION STATS. */
    public void functionStats(RespOut out) {
        ScriptRun r = current;
        if (r != null && r.evalMode) throw BUSY_EVAL;
        out.mapHeader(2);
        out.bulk("running_script");
        if (r == null) {
            out.nullBulk();
        } else {
            out.mapHeader(3);
            out.bulk("name");
            out.bulk(r.funcname);
            out.bulk("command");
            Argv a = r.callerArgv;
            out.arrayHeader(a.size());
            for (int i = 0; i < a.size(); i++) out.bulk(a.get(i));
            out.bulk("duration_ms");
            out.integer(r.elapsedMillis());
        }
        out.bulk("engines");
        out.mapHeader(1);
        out.bulk("LUA");
        out.mapHeader(2);
        out.bulk("libraries_count");
        out.integer(functions.libraryCount());
        out.bulk("functions_count");
        out.integer(functions.functionCount());
    }

    /** The script in progress, if any. */
    public boolean scriptRunning() {
        return current != null;
    }

    /** SCRIPT KILL / FUNCTION KILL (scriptKill). */
    public void kill(RespOut out, boolean isEval) {
        ScriptRun r = current;
        if (r == null) throw new RedisError("NOTBUSY No scripts in execution right now.");
        if (r.caller.client().has(ClientConnection.MASTER)) {
            throw new RedisError("UNKILLABLE The busy script was sent by a master instance in the context of "
                    + "replication and cannot be killed.");
        }
        if (r.writeDirty) {
            throw new RedisError("UNKILLABLE Sorry the script already executed write commands against the dataset. "
                    + "You can either wait the script termination or kill the server in a hard way using the "
                    + "SHUTDOWN NOSAVE command.");
        }
        if (isEval && !r.evalMode) throw BUSY_FUNCTION;
        if (!isEval && r.evalMode) throw BUSY_EVAL;
        r.killed = true;
        out.ok();
    }
}
