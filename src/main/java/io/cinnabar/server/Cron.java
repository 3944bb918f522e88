package io.cinnabar.server;

import java.util.ArrayList;
import java.util.List;

/**
 * serverCron: runs {@code hz} times a second on the event loop: active expiry, idle client timeouts,
 * database resizing/rehashing, and the periodic tasks that subsystems register.
 * The loop reschedules it after each run with the period of the current hz.
 */
public final class Cron {
    private final Server server;
    private final List<Runnable> tasks = new ArrayList<>();
    /** The tasks that also run while a dataset loads (whileBlockedCron runs little else). */
    private final List<Runnable> loadingTasks = new ArrayList<>();
    private long loops;
    /** DEBUG PAUSE-CRON: while set, the periodic work is skipped. */
    public boolean paused;

    Cron(Server server) {
        this.server = server;
    }

    public void addTask(Runnable r) {
        tasks.add(r);
    }

    /** A task that runs while loading too (the link to the master must still time out). */
    public void addTaskDuringLoading(Runnable r) {
        tasks.add(r);
        loadingTasks.add(r);
    }

    void tick() {
        if (paused) return;
        loops++;
        try {
            if (server.loading) {
                // a dataset is loading in the background: no expiry, saves, rewrites or timeouts
                for (Runnable t : loadingTasks) t.run();
                return;
            }
            server.activeExpireCycle();
            clientsCron();
            server.outputLimits().cron();
            server.clientEviction().cron();
            boolean rehash = server.config().getBool("activerehashing");
            for (var db : server.dbs()) db.cron(rehash);
            for (Runnable t : tasks) t.run();
        } finally {
            server.flushPending();
        }
    }

    private void clientsCron() {
        long timeoutSecs = server.config().getLong("timeout");
        long now = server.clock().millis();
        for (ClientConnection c : server.clients().values()) {
            if (c.handler != null) c.handler.cronResizeQueryBuffer((now - c.lastInteractionMillis) / 1000);
        }
        if (timeoutSecs <= 0) return;
        List<ClientConnection> idle = new ArrayList<>();
        for (ClientConnection c : server.clients().values()) {
            if (c.has(ClientConnection.REPLICA | ClientConnection.MASTER | ClientConnection.BLOCKED
                    | ClientConnection.PUBSUB)) continue;
            if (now - c.lastInteractionMillis > timeoutSecs * 1000) idle.add(c);
        }
        for (ClientConnection c : idle) server.closeClient(c);
    }

    public long loops() {
        return loops;
    }
}
