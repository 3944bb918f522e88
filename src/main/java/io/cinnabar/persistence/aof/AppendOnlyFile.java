package io.cinnabar.persistence.aof;

import io.cinnabar.persistence.Persistence;
import io.cinnabar.server.Log;
import io.cinnabar.server.Propagator;
import io.cinnabar.server.Server;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The append-only file of one server (Redis 7.0 multi-part AOF): a {@link Propagator.Sink} of the
 * one write path that buffers the propagated commands (with its own SELECTs and "#TS:" annotations)
 * and writes them to the current INCR file before any reply of the same event-loop turn goes out
 * (it is the server's {@link Server.ReplyBarrier}): one write, and under {@code appendfsync always}
 * one fsync, per turn. {@code everysec} fsyncs on a background thread at most once a second.
 * <p>
 * Rewrites, loading and the manifest's life are in {@link AofRewrite}, {@link AofLoader} and
 * {@link AofManifest}; this class holds the state they share (Redis' server.aof_*).
 */
public final class AppendOnlyFile implements Propagator.Sink, Server.ReplyBarrier {
    enum State { OFF, ON, WAIT_REWRITE }

    private static final byte[] SELECT_PREFIX = "*2\r\n$6\r\nSELECT\r\n".getBytes(StandardCharsets.US_ASCII);

    final Server server;
    final Persistence persistence;
    final Log log;
    final AofFiles files;
    final AofRewrite rewrite;
    private final AofStartup startup;
    /** bio: fsyncs, closes and unlinks off the owner thread, in order. */
    final ExecutorService bio;
    State state = State.OFF;
    AofManifest manifest = new AofManifest();
    FileChannel fd;
    ByteBuf buf = Unpooled.buffer(4096);
    int selectedDb = -1;
    private int streamDb = -1;
    private long curTimestamp;
    long currentSize;
    long lastIncrSize;
    long lastIncrFsyncOffset;
    long rewriteBaseSize;
    long lastFsyncSecond;
    private long flushPostponedStart;
    private long delayedFsync;
    private boolean lastWriteOk = true;
    private long lastWriteErrorLog;
    private final AtomicInteger fsyncsPending = new AtomicInteger();
    private volatile boolean bioFsyncFailed;
    /** strerror of the last write or fsync failure (MISCONF's text). */
    private volatile String lastWriteError = "Input/output error";
    private boolean flushScheduled;
    /** DEBUG AOF-FLUSH-SLEEP: microseconds to sleep before each write (tests the reply barrier). */
    long flushSleepMicros;
    boolean loading;

    public AppendOnlyFile(Server server, Persistence persistence) {
        this.server = server;
        this.persistence = persistence;
        this.log = server.log();
        this.bio = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cinnabar-aof-bio");
            t.setDaemon(true);
            return t;
        });
        this.files = new AofFiles(server.config(), log, bio);
        this.rewrite = new AofRewrite(this);
        this.startup = new AofStartup(this);
        if (server.config().getBool("appendonly")) state = State.ON;
        server.propagator().addSink(this);
        server.replyBarrier(this);
        server.config().onChange("appendonly", p -> {
            boolean on = p.value().equals("yes");
            if (on && state == State.OFF) {
                if (!start()) log.warning("Unable to turn on AOF. Check server logs.");
            } else if (!on && state != State.OFF) {
                stop();
            }
        });
        server.config().onChange("aof-disable-auto-gc", p -> {
            if (!server.config().getBool("aof-disable-auto-gc")) deleteHistoryFiles();
        });
    }

    public boolean enabled() {
        return state != State.OFF;
    }

    public boolean rewriteInProgress() {
        return rewrite.inProgress();
    }

    /** Redis' hasActiveChildProcess: a background rewrite or a BGSAVE is running. */
    boolean activeChild() {
        return rewrite.inProgress() || (persistence != null && persistence.snapshotInProgress());
    }

    long unixtime() {
        return server.clock().millis() / 1000;
    }

    // ---- start, DEBUG LOADAOF, BGREWRITEAOF, cron ----

    /** At start, whatever appendonly says (sequence numbers continue when AOF is turned on later). */
    public void loadManifest() throws AofException {
        startup.loadManifest();
    }

    /** loadDataFromDisk's AOF branch: true when the AOF is the source (the RDB file is then not read). */
    public boolean loadAtStartup() throws AofException {
        if (state != State.ON) return false;
        long t0 = System.nanoTime();
        AofLoader.Status ret = startup.load();
        if (ret != AofLoader.Status.NOT_EXIST) {
            log.notice("DB loaded from append only file: " + String.format("%.3f", (System.nanoTime() - t0) / 1e9)
                    + " seconds");
        }
        return true;
    }

    /** After loading: the INCR file to append to (and a BASE for an empty start), then old files removed. */
    public void openOnStart() throws AofException {
        startup.openOnStart();
        deleteHistoryFiles();
    }

    /** DEBUG LOADAOF. */
    public void debugLoad() throws AofException {
        startup.debugLoad();
    }

    /** BGREWRITEAOF: the status reply, or IllegalStateException with the error text. */
    public String bgrewrite(boolean inExec) {
        return rewrite.command(inExec);
    }

    /** DEBUG AOF-FLUSH-SLEEP. */
    public void flushSleep(long micros) {
        flushSleepMicros = micros;
    }

    /** serverCron's AOF part: postponed or failed writes, everysec fsync of an idle file, rewrites. */
    public void cron() {
        if (state != State.OFF) flush(false);
        rewrite.cron();
    }

    // ---- feeding (the write path) ----

    @Override public boolean replicationOnlyToo() {
        return false;
    }

    /** feedAppendOnlyFile for a batch of propagated commands. */
    @Override public void feed(ByteBuf commands, int dbOfStream) {
        int dbAtStart = streamDb;
        streamDb = dbOfStream;
        if (loading) return;
        if (state != State.ON && !(state == State.WAIT_REWRITE && rewrite.inProgress())) {
            selectedDb = -1;
            return;
        }
        if (server.config().getBool("aof-timestamp-enabled") && curTimestamp < unixtime()) {
            curTimestamp = unixtime();
            buf.writeCharSequence("#TS:" + curTimestamp + "\r\n", StandardCharsets.US_ASCII);
        }
        if (!startsWithSelect(commands) && selectedDb != dbAtStart && dbAtStart >= 0) {
            String db = Integer.toString(dbAtStart);
            buf.writeBytes(SELECT_PREFIX);
            buf.writeCharSequence("$" + db.length() + "\r\n" + db + "\r\n", StandardCharsets.US_ASCII);
        }
        buf.writeBytes(commands, commands.readerIndex(), commands.readableBytes());
        selectedDb = dbOfStream;
        if (!flushScheduled && server.net() != null) {
            flushScheduled = true;
            server.net().execute(this::beforeSleep);
        }
    }

    private static boolean startsWithSelect(ByteBuf b) {
        if (b.readableBytes() < SELECT_PREFIX.length) return false;
        for (int i = 0; i < SELECT_PREFIX.length; i++) {
            if (b.getByte(b.readerIndex() + i) != SELECT_PREFIX[i]) return false;
        }
        return true;
    }

    // ---- the reply barrier (beforeSleep) ----

    @Override public boolean hold() {
        return flushScheduled;
    }

    @Override public void release() {
        if (!flushScheduled) return;
        flushScheduled = false;
        if (state != State.OFF) flush(false);
    }

    /** End of the event-loop turn: the AOF first, then the replies held meanwhile. */
    private void beforeSleep() {
        release();
        server.flushPending();
    }

    // ---- writing ----

    /** flushAppendOnlyFile: write the buffer, then fsync per policy. */
    void flush(boolean force) {
        if (fd == null) return;
        String policy = server.config().get("appendfsync");
        boolean syncInProgress = false;
        if (buf.readableBytes() == 0) {
            if (policy.equals("everysec") && lastIncrFsyncOffset != lastIncrSize && unixtime() > lastFsyncSecond
                    && fsyncsPending.get() == 0) {
                fsync(policy, false);
            } else if (policy.equals("always") && lastIncrFsyncOffset != lastIncrSize) {
                fsync(policy, false);
            }
            return;
        }
        if (policy.equals("everysec")) syncInProgress = fsyncsPending.get() != 0;
        if (policy.equals("everysec") && !force && syncInProgress) {
            if (flushPostponedStart == 0) {
                flushPostponedStart = unixtime();
                return;
            } else if (unixtime() - flushPostponedStart < 2) {
                return;
            }
            delayedFsync++;
            log.notice("Asynchronous AOF fsync is taking too long (disk is busy?). Writing the AOF buffer without "
                    + "waiting for fsync to complete, this may slow down Redis.");
        }
        if (flushSleepMicros > 0) AofLoader.delayMicros(flushSleepMicros);
        int len = buf.readableBytes();
        long written = 0;
        IOException error = null;
        try {
            ByteBuffer nio = buf.nioBuffer();
            while (nio.hasRemaining()) written += fd.write(nio);
        } catch (IOException e) {
            error = e;
        }
        flushPostponedStart = 0;
        if (error != null) {
            writeFailed(error, written, len, policy);
            return;
        }
        if (!lastWriteOk) {
            log.warning("AOF write error looks solved, Redis can write again.");
            lastWriteOk = true;
        }
        currentSize += written;
        lastIncrSize += written;
        if (buf.capacity() > 1 << 20) {
            buf.release();
            buf = Unpooled.buffer(4096);
        } else {
            buf.clear();
        }
        fsync(policy, syncInProgress);
    }

    private void writeFailed(IOException e, long written, int len, String policy) {
        lastWriteError = AofException.reason(e);
        boolean canLog = unixtime() - lastWriteErrorLog > 30;
        if (canLog) lastWriteErrorLog = unixtime();
        if (written == 0) {
            if (canLog) log.warning("Error writing to the AOF file: " + AofException.reason(e));
        } else {
            if (canLog) log.warning("Short write while writing to the AOF file: (nwritten=" + written + ", expected=" + len + ")");
            try {
                fd.truncate(lastIncrSize);
                fd.position(lastIncrSize);
                written = 0; // nothing partial is left in the file
            } catch (IOException te) {
                if (canLog) log.warning("Could not remove short write from the append-only file.  Redis may refuse to "
                        + "load the AOF the next time it starts.  ftruncate: " + AofException.reason(te));
            }
        }
        if (policy.equals("always")) {
            // the replies are already in the output buffers and the dataset cannot be rolled back
            log.warning("Can't recover from AOF write error when the AOF fsync policy is 'always'. Exiting...");
            Runtime.getRuntime().halt(1);
        }
        lastWriteOk = false;
        if (written > 0) {
            currentSize += written;
            lastIncrSize += written;
            buf.skipBytes((int) written);
            buf.discardReadBytes();
        }
    }

    private void fsync(String policy, boolean syncInProgress) {
        if (server.config().getBool("no-appendfsync-on-rewrite") && activeChild()) return;
        if (policy.equals("always")) {
            try {
                fd.force(false);
            } catch (IOException e) {
                log.warning("Can't persist AOF for fsync error when the AOF fsync policy is 'always': "
                        + AofException.reason(e) + ". Exiting...");
                Runtime.getRuntime().halt(1);
            }
            lastIncrFsyncOffset = lastIncrSize;
            lastFsyncSecond = unixtime();
        } else if (policy.equals("everysec") && unixtime() > lastFsyncSecond) {
            if (!syncInProgress) {
                backgroundFsync(fd, false);
                lastIncrFsyncOffset = lastIncrSize;
            }
            lastFsyncSecond = unixtime();
        }
    }

    /** aof_background_fsync (and _and_close): fsync on the bio thread. */
    void backgroundFsync(FileChannel ch, boolean close) {
        fsyncsPending.incrementAndGet();
        bio.execute(() -> {
            try {
                ch.force(false);
            } catch (IOException e) {
                lastWriteError = AofException.reason(e);
                bioFsyncFailed = true;
                log.warning("Fail to fsync the AOF file: " + AofException.reason(e));
            } finally {
                fsyncsPending.decrementAndGet();
                if (close) closeQuietly(ch);
            }
        });
    }

    static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // closing after a failed fsync
        }
    }

    /** Opens an INCR file: appending to an existing one, or created empty. */
    static FileChannel open(Path p, boolean append) throws IOException {
        return append ? FileChannel.open(p, StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                : FileChannel.open(p, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING);
    }

    // ---- turning on and off ----

    /** startAppendOnly (CONFIG SET appendonly yes): waits for a first rewrite to become ON. */
    boolean start() {
        state = State.WAIT_REWRITE;
        if (activeChild() && !rewrite.inProgress()) {
            rewrite.scheduled = true;
            log.warning("AOF was enabled but there is already another background operation. An AOF background was "
                    + "scheduled to start when possible.");
        } else {
            if (rewrite.inProgress()) {
                log.warning("AOF was enabled but there is already an AOF rewriting in background. Stopping background "
                        + "AOF and starting a rewrite now.");
                rewrite.kill();
            }
            if (!rewrite.startBackground()) {
                state = State.OFF;
                log.warning("Redis needs to enable the AOF but can't trigger a background AOF rewrite operation. "
                        + "Check the above logs for more info about the error.");
                return false;
            }
        }
        lastFsyncSecond = unixtime();
        if (bioFsyncFailed) {
            log.warning("AOF reopen, just ignore the AOF fsync error in bio job");
            bioFsyncFailed = false;
        }
        if (!lastWriteOk) {
            log.warning("AOF reopen, just ignore the last error.");
            lastWriteOk = true;
        }
        return true;
    }

    /** stopAppendOnly (CONFIG SET appendonly no). */
    void stop() {
        flush(true);
        if (fd != null) {
            try {
                fd.force(false);
                lastFsyncSecond = unixtime();
            } catch (IOException e) {
                log.warning("Fail to fsync the AOF file: " + AofException.reason(e));
            }
            closeQuietly(fd);
        }
        fd = null;
        selectedDb = -1;
        state = State.OFF;
        rewrite.scheduled = false;
        lastIncrSize = 0;
        lastIncrFsyncOffset = 0;
        rewrite.kill();
        buf.clear();
    }

    /** SHUTDOWN / exit: stop a rewrite, then write and fsync what is buffered. */
    public void shutdown() {
        if (rewrite.inProgress()) {
            log.warning("There is a child rewriting the AOF. Killing it!");
            rewrite.kill();
        }
        if (state != State.OFF && fd != null) {
            log.notice("Calling fsync() on the AOF file.");
            flushScheduled = false;
            flush(true);
            try {
                fd.force(false);
            } catch (IOException e) {
                log.warning("Fail to fsync the AOF file: " + AofException.reason(e));
            }
        }
        bio.shutdown();
        rewrite.close();
    }

    // ---- history ----

    /** aofDelHistoryFiles: removes HISTORY files (unless aof-disable-auto-gc) and persists the manifest. */
    boolean deleteHistoryFiles() {
        if (manifest == null || server.config().getBool("aof-disable-auto-gc") || manifest.history.isEmpty()) return true;
        for (AofManifest.FileInfo f : manifest.history()) {
            log.notice("Removing the history file " + f.name() + " in the background");
            files.unlinkInBackground(files.inAofDir(f.name()));
        }
        manifest.clearHistory();
        return files.persist(manifest);
    }

    // ---- INFO ----

    /** The aof_* fields of INFO persistence (Redis 7.0 order). */
    public void info(StringBuilder b) {
        f(b, "aof_enabled", state != State.OFF ? 1 : 0);
        f(b, "aof_rewrite_in_progress", rewrite.inProgress() ? 1 : 0);
        f(b, "aof_rewrite_scheduled", rewrite.scheduled ? 1 : 0);
        f(b, "aof_last_rewrite_time_sec", rewrite.timeLast);
        f(b, "aof_current_rewrite_time_sec", rewrite.inProgress() ? unixtime() - rewrite.timeStart : -1);
        f(b, "aof_last_bgrewrite_status", rewrite.lastOk ? "ok" : "err");
        f(b, "aof_rewrites", rewrite.count);
        f(b, "aof_rewrites_consecutive_failures", rewrite.consecutiveFailures);
        f(b, "aof_last_write_status", lastWriteOk && !bioFsyncFailed ? "ok" : "err");
        f(b, "aof_last_cow_size", 0);
        f(b, "module_fork_in_progress", 0);
        f(b, "module_fork_last_cow_size", 0);
        if (server.config().getBool("appendonly")) {
            f(b, "aof_current_size", currentSize);
            f(b, "aof_base_size", rewriteBaseSize);
            f(b, "aof_pending_rewrite", rewrite.scheduled ? 1 : 0);
            f(b, "aof_buffer_length", buf.readableBytes());
            f(b, "aof_pending_bio_fsync", fsyncsPending.get());
            f(b, "aof_delayed_fsync", delayedFsync);
        }
    }

    private static void f(StringBuilder b, String name, Object value) {
        b.append(name).append(':').append(value).append("\r\n");
    }

    /** Whether a write error stops write commands (MISCONF), as writeCommandsDeniedByDiskError. */
    public boolean writeError() {
        return state != State.OFF && (!lastWriteOk || bioFsyncFailed);
    }

    /** The reason of the last write error, as MISCONF reports it. */
    public String lastWriteError() {
        return lastWriteError;
    }

    boolean fileExists(Path p) {
        return Files.exists(p);
    }
}
