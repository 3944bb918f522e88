package io.cinnabar;

import io.cinnabar.server.Server;

/**
 * Wires the optional subsystems (blocking, WATCH, pub/sub and notifications, persistence,
 * replication) into a new server, in one readable place.
 */
final class Subsystems {
    private Subsystems() {}

    /** Before the server listens. */
    static void install(Server server) {
    }

    /** On the event loop, once listening (load data, connect to a master). */
    static void started(Server server) {
    }
}
