package io.cinnabar.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away real redis-server (the Debian package on PATH) on a free port, for differential and
 * interop tests. {@link #available()} tells whether one can be started here; tests use
 * {@code assumeTrue(RealRedis.available())} so they are skipped, not failed, where it is absent
 * (CI installs it, so there they run).
 */
public final class RealRedis implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path dir;

    private RealRedis(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    public static boolean available() {
        for (String p : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(p, "redis-server"))) return true;
        }
        return false;
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts redis-server with no persistence plus the given extra "--name value" arguments. */
    public static RealRedis start(String... extraArgs) {
        try {
            Path dir = Files.createTempDirectory("real-redis");
            int port = freePort();
            List<String> cmd = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(port),
                    "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString(),
                    "--enable-debug-command", "yes", "--daemonize", "no"));
            cmd.addAll(List.of(extraArgs));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile()).start();
            RealRedis r = new RealRedis(p, port, dir);
            r.awaitReady();
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (RespClient c = new RespClient(port)) {
                if (c.callText("PING").equals("+PONG\r\n")) return;
            } catch (RuntimeException e) {
                // not listening yet
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        close();
        throw new IllegalStateException("redis-server did not start on port " + port);
    }

    public int port() {
        return port;
    }

    public Path dir() {
        return dir;
    }

    @Override public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
