package io.cinnabar.persistence;

import java.io.IOException;

/**
 * Stands in for the child process Redis forks for a background save or rewrite, so that what watches
 * children from outside still works: a tiny real process ({@code cat} on a pipe, which ends when
 * this JVM goes) whose pid names the job and its temp file, and whose death (kill -9 of the
 * "child", as Redis' tests do) aborts the job. The work itself runs on our own threads.
 */
public final class BackgroundChild {
    private final Process process;
    private final long pid;
    private volatile boolean finished;

    private BackgroundChild(Process process, long pid) {
        this.process = process;
        this.pid = pid;
    }

    /**
     * Starts one ({@code spawn} false: no process, {@code fallbackId} names the job); {@code onKilled}
     * runs (on some thread) if the process dies before {@link #finish()}.
     */
    public static BackgroundChild start(boolean spawn, long fallbackId, Runnable onKilled) {
        if (spawn) {
            try {
                Process p = new ProcessBuilder("cat").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                BackgroundChild c = new BackgroundChild(p, p.pid());
                p.onExit().thenRun(() -> {
                    if (!c.finished) onKilled.run();
                });
                return c;
            } catch (IOException e) {
                // no process to show: the job still runs
            }
        }
        return new BackgroundChild(null, fallbackId);
    }

    public long pid() {
        return pid;
    }

    /** The job ended on its own (or was stopped by us): the process goes without counting as killed. */
    public void finish() {
        finished = true;
        if (process != null) process.destroy();
    }
}
