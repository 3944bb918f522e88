package io.cinnabar.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs the same commands against Cinnabar and a real redis-server and asserts the raw reply bytes
 * are equal, command by command. Use with {@code assumeTrue(RealRedis.available())}.
 */
public final class Differential implements AutoCloseable {
    private final RespClient ours;
    private final RespClient theirs;

    public Differential(int ourPort, int redisPort) {
        this.ours = new RespClient(ourPort);
        this.theirs = new RespClient(redisPort);
    }

    /** Sends one command to both; fails with both replies shown if they differ. Returns the reply. */
    public String check(String... args) {
        byte[] a = ours.call(args);
        byte[] b = theirs.call(args);
        String ra = new String(a, StandardCharsets.UTF_8);
        String rb = new String(b, StandardCharsets.UTF_8);
        assertThat(ra).as("reply to %s", String.join(" ", args)).isEqualTo(rb);
        return ra;
    }

    public String check(byte[]... args) {
        byte[] a = ours.call(args);
        byte[] b = theirs.call(args);
        assertThat(a).as("reply to binary command").isEqualTo(b);
        return new String(a, StandardCharsets.UTF_8);
    }

    /** Each line is one command, split on spaces (no quoting); blank lines and '#' comments skipped. */
    public void script(String text) {
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            check(l.split("\\s+"));
        }
    }

    public void checkAll(List<String[]> commands) {
        for (String[] c : commands) check(c);
    }

    /** Sends to both without comparing (setup that may legitimately differ, e.g. CONFIG). */
    public void both(String... args) {
        ours.call(args);
        theirs.call(args);
    }

    @Override public void close() {
        ours.close();
        theirs.close();
    }
}
