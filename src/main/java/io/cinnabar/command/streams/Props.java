package io.cinnabar.command.streams;

import io.cinnabar.store.StreamGroup;
import io.cinnabar.store.StreamId;
import io.cinnabar.store.StreamPending;
import io.cinnabar.util.Numbers;

/** The commands consumer-group changes replay as (t_stream.c streamPropagateXCLAIM and friends). */
final class Props {
    private Props() {}

    private static final byte[] XCLAIM = Streams.ascii("XCLAIM");
    private static final byte[] XGROUP = Streams.ascii("XGROUP");
    private static final byte[] SETID = Streams.ascii("SETID");
    private static final byte[] CREATECONSUMER = Streams.ascii("CREATECONSUMER");
    private static final byte[] ENTRIESREAD = Streams.ascii("ENTRIESREAD");
    private static final byte[] ZERO = Streams.ascii("0");
    private static final byte[] TIME = Streams.ascii("TIME");
    private static final byte[] RETRYCOUNT = Streams.ascii("RETRYCOUNT");
    private static final byte[] FORCE = Streams.ascii("FORCE");
    private static final byte[] JUSTID = Streams.ascii("JUSTID");
    private static final byte[] LASTID = Streams.ascii("LASTID");

    /** XCLAIM key group consumer 0 id TIME t RETRYCOUNT n FORCE JUSTID LASTID group-last-id. */
    static byte[][] xclaim(byte[] key, byte[] group, StreamId id, StreamPending p, StreamGroup g) {
        return new byte[][] {XCLAIM, key, group, p.consumer.name(), ZERO, id.toBytes(), TIME,
            Numbers.longToBytes(p.deliveryTime), RETRYCOUNT, Numbers.longToBytes(p.deliveryCount), FORCE, JUSTID,
            LASTID, g.lastId.toBytes()};
    }

    /** XGROUP SETID key group last-id ENTRIESREAD n. */
    static byte[][] setId(byte[] key, byte[] group, StreamGroup g) {
        return new byte[][] {XGROUP, SETID, key, group, g.lastId.toBytes(), ENTRIESREAD,
            Numbers.longToBytes(g.entriesRead)};
    }

    /** XGROUP CREATECONSUMER key group consumer. */
    static byte[][] createConsumer(byte[] key, byte[] group, byte[] consumer) {
        return new byte[][] {XGROUP, CREATECONSUMER, key, group, consumer};
    }
}
