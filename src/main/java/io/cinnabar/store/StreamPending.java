package io.cinnabar.store;

/**
 * A pending entry (Redis' streamNACK): delivered to a consumer of a group and not yet acknowledged.
 * The same object sits in the group's PEL and in its owner's PEL.
 */
public final class StreamPending {
    public StreamConsumer consumer;
    public long deliveryTime;
    public long deliveryCount;

    public StreamPending(StreamConsumer consumer, long deliveryTime, long deliveryCount) {
        this.consumer = consumer;
        this.deliveryTime = deliveryTime;
        this.deliveryCount = deliveryCount;
    }
}
