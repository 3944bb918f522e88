package io.cinnabar.persistence;

import io.cinnabar.command.CommandEntry;
import io.cinnabar.command.CommandFlag;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.error.RedisError;
import io.cinnabar.server.ClientConnection;
import io.cinnabar.server.Server;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/**
 * A dataset being loaded (Redis' startLoading/stopLoading) without freezing the server.
 * <p>
 * Redis loads on its one thread and, every {@code loading-process-events-interval-bytes}, serves
 * the event loop from inside the loader (processEventsWhileBlocked); Netty's loop cannot be
 * re-entered, so here the RDB is parsed on a loader thread into databases nobody else can reach,
 * while the event loop keeps serving: commands without the {@code loading} flag get LOADING (or,
 * for an async load, those flagged {@code no-async-loading}), INFO reports the progress, and the
 * loaded databases are handed over on the event loop when the parse ends.
 */
public final class Loading {
    /** shared.loadingerr. */
    public static final RedisError LOADING = new RedisError("LOADING Redis is loading the dataset in memory");

    private final Server server;
    private volatile boolean active;
    private volatile boolean async;
    private long startSeconds;
    private long totalBytes;
    private volatile long loadedBytes;
    private long generation;

    public Loading(Server server) {
        this.server = server;
    }

    /** Installs the LOADING refusals in the dispatcher (processCommand's loading checks). */
    public void install() {
        server.dispatcher().addAdmission(this::admit);
    }

    /** A load is running (Redis' server.loading); async when reads are served meanwhile. */
    public boolean active() {
        return active;
    }

    public boolean async() {
        return active && async;
    }

    /** startLoading: on the event loop. {@code totalBytes} 0 when unknown (a stream with an EOF mark). */
    public long start(long totalBytes, boolean asyncLoad) {
        this.active = true;
        this.async = asyncLoad;
        this.startSeconds = server.clock().millis() / 1000;
        this.totalBytes = totalBytes;
        this.loadedBytes = 0;
        server.loading = true;
        return ++generation;
    }

    /** stopLoading. */
    public void stop() {
        active = false;
        async = false;
        server.loading = false;
    }

    /** The stream as given, counting what the loader has read for INFO's loading_loaded_bytes. */
    public InputStream counting(InputStream in) {
        return new FilterInputStream(in) {
            @Override public int read() throws IOException {
                int b = super.read();
                if (b >= 0) loadedBytes++;
                return b;
            }

            @Override public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) loadedBytes += n;
                return n;
            }
        };
    }

    /**
     * Runs {@code task} on a loader thread, then {@code done} on the event loop with its result
     * or failure. A server closed meanwhile drops the result.
     */
    public <T> void runInBackground(String name, Callable<T> task, BiConsumer<T, Throwable> done) {
        Thread t = new Thread(() -> {
            T result = null;
            Throwable error = null;
            try {
                result = task.call();
            } catch (Throwable e) {
                error = e;
            }
            T r = result;
            Throwable err = error;
            try {
                server.net().execute(() -> done.accept(r, err));
            } catch (RuntimeException closed) {
                // the event loop is gone: the server was closed while loading
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    private RedisError admit(ClientConnection c, CommandSpec spec, long flags) {
        if (!active || c.isFake() || c.has(ClientConnection.MASTER)) return null;
        if (async) return (flags & CommandFlag.NO_ASYNC_LOADING) != 0 ? LOADING : null;
        if ((spec.flags() & CommandFlag.LOADING) == 0) return LOADING;
        if (c.has(ClientConnection.MULTI) && spec.name().equals("exec")) {
            // EXEC is refused when a queued command would be (mstate.cmd_inv_flags)
            for (CommandEntry q : c.multiCommands) {
                if ((q.spec().flags() & CommandFlag.LOADING) == 0) return LOADING;
            }
        }
        return null;
    }

    /** INFO persistence's loading_* fields, while loading. */
    void info(StringBuilder b) {
        if (!active) return;
        long loaded = loadedBytes;
        double perc = totalBytes > 0 ? (double) loaded / totalBytes * 100 : 0;
        long remaining = totalBytes > 0 ? totalBytes - loaded : 1;
        long elapsed = server.clock().millis() / 1000 - startSeconds;
        long eta = elapsed == 0 ? 1 : elapsed * remaining / (loaded + 1);
        PersistenceInfo.f(b, "loading_start_time", startSeconds);
        PersistenceInfo.f(b, "loading_total_bytes", totalBytes);
        PersistenceInfo.f(b, "loading_rdb_used_mem", 0);
        PersistenceInfo.f(b, "loading_loaded_bytes", loaded);
        PersistenceInfo.f(b, "loading_loaded_perc", String.format(java.util.Locale.ROOT, "%.2f", perc));
        PersistenceInfo.f(b, "loading_eta_seconds", eta);
    }
}
