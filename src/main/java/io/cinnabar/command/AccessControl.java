package io.cinnabar.command;

import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.ClientConnection;

/**
 * The ACL check the dispatcher runs before a command (processCommand's ACLCheckAllPerm) and EXEC
 * runs again before each queued command. Implementations return quickly for unrestricted users.
 */
public interface AccessControl {
    /** Null when the client may run the command; otherwise the NOPERM error (already logged). */
    RedisError check(ClientConnection c, CommandEntry e, Argv argv, boolean inMulti);

    /** EXEC's re-check of a queued command, with its "ACLs rules changed" error. */
    RedisError checkQueued(ClientConnection c, CommandEntry e, Argv argv);
}
