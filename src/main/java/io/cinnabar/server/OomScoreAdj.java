package io.cinnabar.server;

import io.cinnabar.config.Config;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * oom-score-adj (Redis' setOOMScoreAdj): while enabled, writes the value of the process' class
 * (master or replica; there is no fork, so no child class) to /proc/self/oom_score_adj, relative to
 * the score found when it was enabled, or absolute; when disabled again, restores that score.
 */
public final class OomScoreAdj {
    private static final Path PROC = Path.of("/proc/self/oom_score_adj");
    private final Server server;
    private boolean adjusted;
    private int base;

    public OomScoreAdj(Server server) {
        this.server = server;
        Config c = server.config();
        for (String p : new String[] {"oom-score-adj", "oom-score-adj-values", "replicaof"}) {
            c.onChange(p, x -> apply());
        }
    }

    /** Sets the score for the current configuration; false if /proc could not be read or written. */
    public boolean apply() {
        if (!Files.exists(PROC)) return true;
        Config c = server.config();
        String mode = c.get("oom-score-adj");
        int val;
        try {
            if (!mode.equals("no")) {
                if (!adjusted) {
                    base = Integer.parseInt(Files.readString(PROC, StandardCharsets.US_ASCII).trim());
                    adjusted = true;
                }
                String[] v = c.get("oom-score-adj-values").trim().split("\\s+");
                val = Integer.parseInt(v[server.isReplica() ? 1 : 0]);
                if (!mode.equals("absolute")) val += base;
                val = Math.max(-1000, Math.min(1000, val));
            } else if (adjusted) {
                adjusted = false;
                val = base;
            } else {
                return true;
            }
            Files.writeString(PROC, val + "\n", StandardCharsets.US_ASCII);
            return true;
        } catch (IOException | RuntimeException e) {
            server.log().warning("Unable to write oom_score_adj: " + e.getMessage());
            return false;
        }
    }
}
