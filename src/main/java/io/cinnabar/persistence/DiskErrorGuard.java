package io.cinnabar.persistence;

import io.cinnabar.command.CommandFlag;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.config.ConfigParam;
import io.cinnabar.error.RedisError;
import io.cinnabar.persistence.aof.AppendOnlyFile;
import io.cinnabar.server.ClientConnection;
import io.cinnabar.server.Server;

/**
 * Redis' writeCommandsDeniedByDiskError: while the last BGSAVE failed (with save points and
 * {@code stop-writes-on-bgsave-error yes}) or the AOF cannot be written, write commands and PING
 * get MISCONF, except from the master and the AOF (mustObeyClient). Scripts ask {@link #denial}.
 */
public final class DiskErrorGuard {
    /** shared.bgsaveerr. */
    public static final RedisError BGSAVE_ERR = new RedisError("MISCONF Redis is configured to save RDB snapshots, "
            + "but it's currently unable to persist to disk. Commands that may modify the data set are disabled, "
            + "because this instance is configured to report errors during writes if RDB snapshotting fails "
            + "(stop-writes-on-bgsave-error option). Please check the Redis logs for details about the RDB error.");

    private final Server server;
    private final Persistence persistence;
    private final ConfigParam stopWrites;
    private final ConfigParam save;

    private DiskErrorGuard(Server server, Persistence persistence) {
        this.server = server;
        this.persistence = persistence;
        this.stopWrites = server.config().param("stop-writes-on-bgsave-error");
        this.save = server.config().param("save");
    }

    /** Registers the check with the dispatcher (before replication's NOREPLICAS, as processCommand). */
    public static DiskErrorGuard install(Server server, Persistence persistence) {
        DiskErrorGuard g = new DiskErrorGuard(server, persistence);
        server.dispatcher().addAdmission((c, spec, flags) -> g.admit(c, spec, flags));
        persistence.diskErrors = g;
        return g;
    }

    private RedisError admit(ClientConnection c, CommandSpec spec, long flags) {
        if ((flags & CommandFlag.WRITE) == 0 && !spec.name().equals("ping")) return null;
        if (c.has(ClientConnection.MASTER) || c.isFake()) return null;
        return denial();
    }

    /** The MISCONF error writes get now, or null when the disk is fine. */
    public RedisError denial() {
        if (!persistence.lastBgsaveOk() && stopWrites.value().equals("yes") && !save.value().isBlank()) {
            return BGSAVE_ERR;
        }
        AppendOnlyFile aof = server.aof();
        if (aof != null && aof.writeError()) {
            return new RedisError("MISCONF Errors writing to the AOF file: " + aof.lastWriteError());
        }
        return null;
    }
}
