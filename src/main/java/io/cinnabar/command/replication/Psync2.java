package io.cinnabar.command.replication;

import io.cinnabar.replication.ReplicaState;

/** Small bridge to set the handshake facts REPLCONF learns on a replica's state. */
final class Psync2 {
    private Psync2() {}

    static void mark(ReplicaState r) {
        r.setPsync2();
    }

    static void port(ReplicaState r, int port) {
        r.setListeningPort(port);
    }
}
