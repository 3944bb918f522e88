package io.cinnabar.store;

import java.util.TreeMap;

/** A consumer of a group: its name, when it was last seen, and its own pending entries. */
public final class StreamConsumer {
    private final byte[] name;
    public long seenTime;
    final TreeMap<StreamId, StreamPending> pel = new TreeMap<>();

    public StreamConsumer(byte[] name, long seenTime) {
        this.name = name;
        this.seenTime = seenTime;
    }

    public byte[] name() {
        return name;
    }

    /** This consumer's pending entries by ID (shared with the group's PEL: change through the group). */
    public TreeMap<StreamId, StreamPending> pel() {
        return pel;
    }
}
