package io.cinnabar.scripting;

import io.cinnabar.command.Ctx;

/** One script or function invocation in progress (Redis' scriptRunCtx). */
final class ScriptRun {
    /** The client that called EVAL/FCALL, and the script's own fake client context. */
    final Ctx caller;
    final Ctx scriptCtx;
    /** The sha (EVAL) or function name (FCALL), for messages. */
    final String funcname;
    final boolean evalMode;
    final boolean readOnly;
    final boolean allowOom;
    final long startNanos = System.nanoTime();
    /** Wall time at start: keys do not expire during a script (scriptTimeSnapshot). */
    final long snapshotMillis;
    int resp = 2;
    /** Running on the script thread (its redis.call()s may have to go to the event loop). */
    volatile boolean offloaded;
    /** The EVAL/FCALL command as called (FUNCTION STATS shows it). */
    io.cinnabar.resp.Argv callerArgv;
    int replFlags = RedisApi.REPL_AOF | RedisApi.REPL_REPLICA;
    /** A write command ran: the script can no longer be killed. */
    volatile boolean writeDirty;
    volatile boolean killed;
    /** Over busy-reply-threshold: the server answers others with BUSY. */
    volatile boolean timedOut;

    ScriptRun(Ctx caller, Ctx scriptCtx, String funcname, boolean evalMode, boolean readOnly, boolean allowOom,
            long snapshotMillis) {
        this.caller = caller;
        this.scriptCtx = scriptCtx;
        this.funcname = funcname;
        this.evalMode = evalMode;
        this.readOnly = readOnly;
        this.allowOom = allowOom;
        this.snapshotMillis = snapshotMillis;
    }

    long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
