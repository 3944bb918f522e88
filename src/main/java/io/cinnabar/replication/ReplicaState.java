package io.cinnabar.replication;

import io.cinnabar.server.ClientConnection;

/** What a master knows of one attached replica (INFO's slaveN line, WAIT). */
public final class ReplicaState {
    final ClientConnection client;
    int listeningPort;
    String announcedIp;
    boolean psync2;
    long ackOffset;
    long ackTimeMillis;

    ReplicaState(ClientConnection client) {
        this.client = client;
    }

    public ClientConnection client() {
        return client;
    }

    public long ackOffset() {
        return ackOffset;
    }

    public int listeningPort() {
        return listeningPort;
    }

    public long ackTimeMillis() {
        return ackTimeMillis;
    }

    public void setPsync2() {
        psync2 = true;
    }

    public void setListeningPort(int port) {
        listeningPort = port;
    }
}
