package io.cinnabar.command;

import io.cinnabar.resp.Argv;
import io.cinnabar.server.ClientConnection;

/** Observes each executed command (MONITOR, SLOWLOG, LATENCY): called after it ran. */
@FunctionalInterface
public interface CallListener {
    void called(ClientConnection client, CommandEntry command, Argv argv, long micros);
}
