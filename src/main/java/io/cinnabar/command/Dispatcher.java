package io.cinnabar.command;

import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.server.ClientConnection;
import io.cinnabar.server.Server;
import io.cinnabar.store.Database;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Redis' processCommand and call(): looks the command up, checks arity, authentication, MULTI
 * queueing, pub/sub context, replica read-only and pauses, runs it, counts it, and propagates
 * what it changed through the one write path. Afterwards, clients blocked on keys that became
 * ready are served.
 */
public final class Dispatcher {
    private final Server server;
    private final List<CallListener> listeners = new ArrayList<>();
    private int depth;
    /** The client whose top-level call is running (Redis' current_client within call()), else null. */
    private ClientConnection current;
    /** CLIENT PAUSE: until when, and whether only writes are paused. */
    private long pausedUntil;
    private boolean pauseWritesOnly;
    private boolean failoverPause;
    private final List<ClientConnection> postponed = new ArrayList<>();
    private java.util.function.BooleanSupplier oomGuard = () -> false;
    /** The guard's verdict before the current command (server.pre_command_oom_state, for scripts). */
    private boolean preCommandOom;
    /** ACLs: null allows everything. */
    private AccessControl access;
    private final List<Admission> admissions = new ArrayList<>();

    /**
     * A check that may refuse a command before it runs or is queued, given its flags (for EXEC,
     * with those of the queued commands): min-replicas-to-write, a replica's stale data.
     */
    public interface Admission {
        /** The error to reply, or null to let the command run. */
        RedisError check(ClientConnection c, CommandSpec spec, long flags);
    }

    public void addAdmission(Admission a) {
        admissions.add(a);
    }

    /** Busy mode (a script over busy-reply-threshold): the error for a command, null if it may run. */
    private java.util.function.BiFunction<CommandSpec, Argv, RedisError> busyGuard = (s, a) -> null;
    private java.util.function.BooleanSupplier busy = () -> false;

    /** Takes a client's commands before anything else (the Lua debugger's session), true if it did. */
    private java.util.function.BiPredicate<Ctx, Argv> interceptor = (c, a) -> false;

    public void interceptor(java.util.function.BiPredicate<Ctx, Argv> i) {
        this.interceptor = i;
    }

    /** Installs the busy-mode check (scripting): the BUSY error for commands not flagged ALLOW_BUSY. */
    public void busyGuard(java.util.function.BiFunction<CommandSpec, Argv, RedisError> guard,
            java.util.function.BooleanSupplier inBusyMode) {
        this.busyGuard = guard;
        this.busy = inBusyMode;
    }

    /** While a script runs past busy-reply-threshold: its effects are held back, cron waits. */
    public boolean busy() {
        return busy.getAsBoolean();
    }

    public Dispatcher(Server server) {
        this.server = server;
    }

    public void accessControl(AccessControl a) {
        this.access = a;
    }

    public AccessControl accessControl() {
        return access;
    }

    public void addListener(CallListener l) {
        listeners.add(l);
    }

    public void removeListener(CallListener l) {
        listeners.remove(l);
    }

    private Ctx ctxOf(ClientConnection c) {
        Object o = c.ctx;
        if (o == null) {
            Ctx ctx = new Ctx(server, c);
            c.ctx = ctx;
            return ctx;
        }
        return (Ctx) o;
    }

    /** Looks up argv's command, descending into a container's subcommand. Null if unknown. */
    public CommandEntry lookup(Argv argv) {
        CommandEntry e = server.registry().lookup(argv.get(0));
        if (e == null || e.subcommands == null || argv.size() < 2) return e;
        return e.subcommands.get(argv.str(1).toLowerCase(java.util.Locale.ROOT));
    }

    /** The error for an unknown command or subcommand (commandCheckExistence). */
    public RedisError unknownCommandError(Argv argv) {
        CommandEntry container = server.registry().lookup(argv.get(0));
        if (container != null && container.subcommands != null && argv.size() >= 2) {
            return Errors.unknownSubcommand(argv.str(1), argv.str(0));
        }
        StringBuilder args = new StringBuilder();
        for (int i = 1; i < argv.size() && args.length() < 128; i++) {
            String a = argv.str(i);
            int room = 128 - args.length();
            args.append('\'').append(a.length() > room ? a.substring(0, room) : a).append("' ");
        }
        return new RedisError("ERR unknown command '" + Errors.truncate(argv.str(0), 128)
                + "', with args beginning with: " + args);
    }

    /** Handles one request of a connected client. */
    public void process(ClientConnection c, Argv argv) {
        c.lastInteractionMillis = server.clock().millis();
        RespOut out = c.out();
        Ctx ctx = ctxOf(c);
        if (interceptor.test(ctx, argv)) return;
        CommandEntry e = lookup(argv);
        boolean inMulti = c.has(ClientConnection.MULTI);
        try {
            if (e == null) {
                throw unknownCommandError(argv);
            }
            CommandSpec spec = e.spec;
            if (!spec.arityOk(argv.size())) {
                if (e.subcommands != null && argv.size() >= 2) throw unknownCommandError(argv);
                throw Errors.wrongArity(spec.fullName());
            }
            if (!c.authenticated && !spec.has(CommandFlag.NO_AUTH) && server.authRequired()) {
                throw Errors.NOAUTH;
            }
            if (inMulti && spec.has(CommandFlag.NO_MULTI)) {
                throw Errors.err("Command not allowed inside a transaction");
            }
            if (access != null) {
                RedisError denied = access.check(c, e, argv, inMulti);
                if (denied != null) throw denied;
            }
            boolean exec = inMulti && spec.name().equals("exec");
            // EXEC is judged by what it queued (processCommand's mstate.cmd_flags)
            // getCommandFlags: a script's declared flags count for READONLY, OOM, stale and min-replicas too
            long flags = exec ? spec.flags() | queuedFlags(c) : commandFlags(e, argv);
            preCommandOom = oomGuard.getAsBoolean();
            if (preCommandOom) {
                boolean reject = (flags & CommandFlag.DENYOOM) != 0;
                // queueing can take unlimited memory: refuse everything but EXEC/DISCARD/QUIT/RESET
                if (inMulti && !exec && !isOneOf(spec, "discard", "quit", "reset")) reject = true;
                if (reject) throw Errors.OOM;
            }
            if ((flags & CommandFlag.WRITE) != 0 && server.isReplica() && !c.has(ClientConnection.MASTER)
                    && server.config().getBool("replica-read-only")) {
                throw Errors.READONLY;
            }
            for (int i = 0; i < admissions.size(); i++) {
                RedisError refused = admissions.get(i).check(c, spec, flags);
                if (refused != null) throw refused;
            }
            if (c.has(ClientConnection.PUBSUB) && out.protocol() == 2 && !allowedInPubSub(spec.name())) {
                throw Errors.err("Can't execute '" + spec.fullName() + "': only (P|S)SUBSCRIBE / "
                        + "(P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context");
            }
            ClientSideCaching tracking = server.tracking();
            if (tracking != null) tracking.beforeCommand();
            RedisError busyErr = busyGuard.apply(spec, argv);
            if (busyErr != null) throw busyErr;
            if (paused() && isPausedFor(c, flags)) {
                c.postponedArgv = argv.copy();
                c.flags |= ClientConnection.BLOCKED;
                postponed.add(c);
                return;
            }
            if (inMulti && !isTransactionControl(spec)) {
                // queueMultiCommand: an aborted transaction keeps answering QUEUED but stores nothing
                if (!c.has(ClientConnection.DIRTY_EXEC | ClientConnection.DIRTY_CAS)) {
                    c.multiCommands.add(e);
                    c.multiArgv.add(argv.copy());
                }
                out.simple("QUEUED");
                return;
            }
        } catch (RedisError err) {
            if (e != null) e.rejectedCalls++;
            if (inMulti && e != null && e.spec.name().equals("exec")) {
                // rejectCommand on EXEC: the transaction is over (execCommandAbort)
                discardTransaction(c);
                replyError(c, new RedisError("EXECABORT Transaction discarded because of: " + err.getMessage()));
                return;
            }
            if (inMulti) c.flags |= ClientConnection.DIRTY_EXEC;
            replyError(c, err);
            return;
        }
        int mark = out.mark();
        ClientConnection.ReplyMode mode = c.replyMode;
        call(ctx, e, argv);
        if (mode != ClientConnection.ReplyMode.ON && c.replyMode == mode) {
            out.dropRepliesSince(mark); // CLIENT REPLY OFF / SKIP: drop what this command wrote
            if (mode == ClientConnection.ReplyMode.SKIP) c.replyMode = ClientConnection.ReplyMode.ON;
        } else if (c.replyMode == ClientConnection.ReplyMode.SKIP_NEXT) {
            c.replyMode = ClientConnection.ReplyMode.SKIP; // CLIENT REPLY SKIP applies to the next command
        }
        // client-output-buffer-limit: a client over its limit is closed before it gets more replies
        server.outputLimits().check(c);
        afterCommand();
    }

    private static boolean isTransactionControl(CommandSpec spec) {
        String n = spec.name();
        return n.equals("exec") || n.equals("discard") || n.equals("multi") || n.equals("watch")
                || n.equals("quit") || n.equals("reset");
    }

    private static boolean isOneOf(CommandSpec spec, String a, String b, String c) {
        String n = spec.name();
        return n.equals(a) || n.equals(b) || n.equals(c);
    }

    /** The union of the flags of the queued commands (Redis' mstate.cmd_flags). */
    private long queuedFlags(ClientConnection c) {
        long f = 0;
        for (int i = 0; i < c.multiCommands.size(); i++) f |= commandFlags(c.multiCommands.get(i), c.multiArgv.get(i));
        return f;
    }

    /** EVAL's and FCALL's flags: SKIP_MONITOR and NO_MANDATORY_KEYS together mark that family. */
    private static final long SCRIPT_COMMAND = CommandFlag.SKIP_MONITOR | CommandFlag.NO_MANDATORY_KEYS;
    private java.util.function.ToLongBiFunction<CommandEntry, Argv> scriptCommandFlags;

    /** Installs getCommandFlags for scripts: the flags a script declares replace EVAL's/FCALL's own. */
    public void scriptCommandFlags(java.util.function.ToLongBiFunction<CommandEntry, Argv> f) {
        this.scriptCommandFlags = f;
    }

    /** getCommandFlags: the command's flags, or for a script with declared flags, those. */
    private long commandFlags(CommandEntry e, Argv argv) {
        long f = e.spec.flags();
        if ((f & SCRIPT_COMMAND) != SCRIPT_COMMAND || scriptCommandFlags == null) return f;
        return scriptCommandFlags.applyAsLong(e, argv);
    }

    /**
     * Leaves MULTI: forgets the queue, clears MULTI/DIRTY_CAS/DIRTY_EXEC and unwatches all keys
     * (Redis' discardTransaction). Used by EXEC, DISCARD, RESET and rejected EXECs.
     */
    public void discardTransaction(ClientConnection c) {
        c.multiCommands.clear();
        c.multiArgv.clear();
        c.flags &= ~(ClientConnection.MULTI | ClientConnection.DIRTY_CAS | ClientConnection.DIRTY_EXEC);
        WatchSignal w = server.watches();
        if (w != null) w.unwatchAll(c);
    }

    /**
     * Says whether the server is over maxmemory, for the DENYOOM refusals. Whoever implements
     * maxmemory accounting and eviction installs its check here (performEvictions' verdict).
     */
    public void oomGuard(java.util.function.BooleanSupplier guard) {
        this.oomGuard = guard;
    }

    /**
     * Whether the server was over maxmemory with nothing left to evict when the running top-level
     * command started (Redis' pre_command_oom_state): a script refuses DENYOOM calls then, unless
     * it already wrote or runs with allow-oom.
     */
    public boolean preCommandOom() {
        return preCommandOom;
    }

    private static boolean allowedInPubSub(String n) {
        switch (n) {
            case "ping": case "subscribe": case "ssubscribe": case "unsubscribe": case "sunsubscribe":
            case "psubscribe": case "punsubscribe": case "quit": case "reset":
                return true;
            default:
                return false;
        }
    }

    /** Writes an error reply and counts it (errorstats). */
    public void replyError(ClientConnection c, RedisError err) {
        c.out().error(err.replyBytes());
        server.stats().error(err.code());
        if (c.has(ClientConnection.MASTER)) { // the reply is dropped, but a divergence deserves a loud log
            server.log().warning("== CRITICAL == This replica is sending an error to its master: '" + err.getMessage()
                    + "' after processing the command '" + c.lastCommand + "'");
        }
    }

    /**
     * Runs one command (Redis' call()): the command itself, its statistics, and the propagation
     * of what it changed. Used for direct calls, EXEC's queued commands, scripts and blocked
     * clients being served.
     */
    public void call(Ctx ctx, CommandEntry e, Argv argv) {
        ClientConnection c = ctx.client;
        long dirtyBefore = server.dirty;
        CommandEntry prevCmd = ctx.command;
        Argv prevArgv = ctx.argv;
        ctx.argv = argv;
        List<byte[][]> prevAs = ctx.propagateAs;
        boolean prevPrevent = ctx.preventPropagation;
        ctx.command = e;
        ctx.propagateAs = null;
        ctx.preventPropagation = false;
        int dbBefore = c.db;
        boolean topLevel = depth == 0;
        if (topLevel) {
            c.lastCommand = e.spec.fullName(); // set before running, as processCommand does
            current = c;
        }
        depth++;
        long t0 = System.nanoTime();
        try {
            e.command.execute(ctx, argv);
        } catch (RedisError err) {
            e.failedCalls++;
            replyError(c, err);
        } finally {
            depth--;
        }
        long micros = (System.nanoTime() - t0) / 1000;
        if (!c.has(ClientConnection.BLOCKED)) { // a blocked command counts once, when served or timed out
            e.calls++;
            e.microseconds += micros;
        }
        server.stats().commandsProcessed++;
        if (!ctx.preventPropagation && server.propagator().active()) {
            if (ctx.propagateAs != null) {
                for (byte[][] p : ctx.propagateAs) server.propagator().propagate(dbBefore, p);
            } else if (server.dirty != dirtyBefore && e.spec.isWrite()) {
                server.propagator().propagate(dbBefore, argv.toArray());
            }
        }
        ctx.command = prevCmd;
        ctx.argv = prevArgv;
        ctx.propagateAs = prevAs;
        ctx.preventPropagation = prevPrevent;
        if (!listeners.isEmpty()) {
            for (CallListener l : listeners) l.called(c, e, argv, micros);
        }
        if (topLevel) current = null;
        ClientSideCaching tracking = server.tracking();
        // remembers the keys read; at the top level sends the invalidations held back until after the reply
        if (tracking != null) tracking.called(ctx, e, argv, topLevel);
    }

    /**
     * The client whose top-level command is running (the caller, inside EXEC and scripts), or null
     * outside a command (active expiry, cron, eviction before a command).
     */
    public ClientConnection currentClient() {
        return current;
    }

    /** True while a replica runs a command of its master's stream (keys do not expire for it). */
    public boolean applyingMasterStream() {
        return current != null && current.has(ClientConnection.MASTER);
    }

    /** True while inside a command (for code that must know whether a call is top-level). */
    public boolean inCall() {
        return depth > 0;
    }

    /** After a top-level command: propagate what it queued, then serve clients whose keys became ready. */
    public void afterCommand() {
        if (depth > 0 || busy.getAsBoolean()) return;
        if (server.propagator().hasPending()) server.propagator().flush();
        server.blocking().handleClientsBlockedOnKeys();
        if (server.propagator().hasPending()) server.propagator().flush();
    }

    /** A key expired (lazily or actively): DEL to replicas and AOF, notification, WATCH. */
    public void keyExpired(Database db, byte[] key) {
        KeyspaceNotifier n = server.notifications();
        if (n != null && n.enabled(KeyEvent.EXPIRED)) n.notify(KeyEvent.EXPIRED, "expired", key, db.id());
        WatchSignal w = server.watches();
        if (w != null) w.touch(db.id(), key);
        ClientSideCaching t = server.tracking();
        if (t != null) t.keyModified(null, key);
        boolean lazy = server.config().getBool("lazyfree-lazy-expire");
        server.propagator().propagate(db.id(), new byte[][] {
            (lazy ? "UNLINK" : "DEL").getBytes(StandardCharsets.US_ASCII), key});
    }

    // ---- CLIENT PAUSE ----

    public void pause(long untilMillis, boolean writesOnly) {
        // a later PAUSE can only extend, and WRITE cannot weaken an ALL pause in effect
        if (pausedUntil > server.clock().millis() && !pauseWritesOnly && writesOnly) writesOnly = false;
        pausedUntil = Math.max(untilMillis, pausedUntil > server.clock().millis() ? pausedUntil : 0);
        pauseWritesOnly = writesOnly;
    }

    public void unpause() {
        pausedUntil = 0;
        List<ClientConnection> resume = new ArrayList<>(postponed);
        postponed.clear();
        for (ClientConnection c : resume) {
            c.flags &= ~ClientConnection.BLOCKED;
            Argv a = c.postponedArgv;
            c.postponedArgv = null;
            if (a != null && !c.isClosed()) {
                process(c, a); // a write held by a failover pause still in effect is postponed again
                server.markPendingFlush(c);
            }
            c.resume();
        }
    }

    /** FAILOVER pauses writes until it completes or is aborted, independently of CLIENT PAUSE. */
    public void pauseForFailover(boolean on) {
        failoverPause = on;
        if (!on && !pauseInEffect()) unpause();
    }

    /** Whether a CLIENT PAUSE is in effect, without lifting an elapsed one (safe inside a command). */
    public boolean pauseInEffect() {
        return failoverPause || (pausedUntil != 0 && server.clock().millis() < pausedUntil);
    }

    public boolean paused() {
        if (pausedUntil != 0 && server.clock().millis() >= pausedUntil) unpause();
        return failoverPause || pausedUntil != 0;
    }

    /** Whether only writes are held (a failover pause alone holds only writes). */
    public boolean pauseWritesOnly() {
        return pausedUntil == 0 || pauseWritesOnly;
    }

    /**
     * Whether a pause holds back this command of a replica's master stream: Redis pauses the master
     * client like any other (only replicas are exempt), so the replica reads but does not apply.
     */
    public boolean pausesMasterCommand(Argv argv) {
        if (!paused()) return false;
        if (!pauseWritesOnly()) return true;
        CommandEntry e = lookup(argv);
        return e != null && ((e.spec().flags() & (CommandFlag.WRITE | CommandFlag.MAY_REPLICATE)) != 0
                || e.spec().name().equals("exec"));
    }

    /** Whether the client may not even start decoding (an ALL pause stops reading normal clients). */
    public boolean isPaused(ClientConnection c) {
        return false;
    }

    /** Whether the pause holds this command back; EXEC counts with its queued commands' flags. */
    private boolean isPausedFor(ClientConnection c, long flags) {
        if (!paused() || c.has(ClientConnection.MASTER | ClientConnection.REPLICA)) return false;
        if (!pauseWritesOnly()) return true;
        return (flags & (CommandFlag.WRITE | CommandFlag.MAY_REPLICATE)) != 0;
    }

    public int postponedClients() {
        return postponed.size();
    }

    /** Called by cron: lifts an expired pause. */
    public void checkPause() {
        if (pausedUntil != 0 && server.clock().millis() >= pausedUntil) unpause();
    }
}
