package io.cinnabar.store;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A consumer group (Redis' streamCG): last delivered ID, the logical read counter, the group PEL
 * and the consumers, both ordered (by ID, by name bytes) as Redis' radix trees are.
 */
public final class StreamGroup {
    /** entries_read when unknown (SCG_INVALID_ENTRIES_READ). */
    public static final long INVALID_ENTRIES_READ = -1;

    private final byte[] name;
    public StreamId lastId;
    public long entriesRead;
    final TreeMap<StreamId, StreamPending> pel = new TreeMap<>();
    final TreeMap<byte[], StreamConsumer> consumers = new TreeMap<>(Arrays::compareUnsigned);

    public StreamGroup(byte[] name, StreamId lastId, long entriesRead) {
        this.name = name;
        this.lastId = lastId;
        this.entriesRead = entriesRead;
    }

    public byte[] name() {
        return name;
    }

    public TreeMap<StreamId, StreamPending> pel() {
        return pel;
    }

    public TreeMap<byte[], StreamConsumer> consumers() {
        return consumers;
    }

    public StreamConsumer consumer(byte[] name) {
        return consumers.get(name);
    }

    /** Creates the consumer; null if it exists. */
    public StreamConsumer createConsumer(byte[] name, long now) {
        if (consumers.containsKey(name)) return null;
        StreamConsumer c = new StreamConsumer(name, now);
        consumers.put(name, c);
        return c;
    }

    /** Deletes the consumer and its pending entries from the group PEL; returns how many it had. */
    public int deleteConsumer(StreamConsumer c) {
        int n = c.pel.size();
        for (StreamId id : c.pel.keySet()) pel.remove(id);
        consumers.remove(c.name());
        return n;
    }

    /** Adds a pending entry for a consumer (creation by XREADGROUP, XCLAIM FORCE, or RDB loading). */
    public StreamPending addPending(StreamId id, StreamConsumer c, long deliveryTime, long deliveryCount) {
        StreamPending p = new StreamPending(c, deliveryTime, deliveryCount);
        pel.put(id, p);
        if (c != null) c.pel.put(id, p);
        return p;
    }

    /** Acknowledges id: removes it from both PELs; false if it was not pending. */
    public boolean ack(StreamId id) {
        StreamPending p = pel.remove(id);
        if (p == null) return false;
        if (p.consumer != null) p.consumer.pel.remove(id);
        return true;
    }

    /** Moves a pending entry to consumer c (no-op if c owns it). */
    public void assign(StreamId id, StreamPending p, StreamConsumer c) {
        if (p.consumer == c) return;
        if (p.consumer != null) p.consumer.pel.remove(id);
        p.consumer = c;
        c.pel.put(id, p);
    }

    StreamGroup copy() {
        StreamGroup g = new StreamGroup(name, lastId, entriesRead);
        for (Map.Entry<byte[], StreamConsumer> e : consumers.entrySet()) {
            g.consumers.put(e.getKey(), new StreamConsumer(e.getKey(), e.getValue().seenTime));
        }
        for (Map.Entry<StreamId, StreamPending> e : pel.entrySet()) {
            StreamPending p = e.getValue();
            StreamConsumer c = p.consumer == null ? null : g.consumers.get(p.consumer.name());
            g.addPending(e.getKey(), c, p.deliveryTime, p.deliveryCount);
        }
        return g;
    }
}
