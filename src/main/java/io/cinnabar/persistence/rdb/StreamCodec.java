package io.cinnabar.persistence.rdb;

import io.cinnabar.store.StreamConsumer;
import io.cinnabar.store.StreamGroup;
import io.cinnabar.store.StreamId;
import io.cinnabar.store.StreamIterator;
import io.cinnabar.store.StreamPending;
import io.cinnabar.store.StreamValue;
import io.cinnabar.util.Numbers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Streams as RDB_TYPE_STREAM_LISTPACKS_2 (t_stream.c's node layout): each node is a listpack whose
 * master entry holds the live/deleted counts and the first entry's field names, followed by
 * entries of flags, ID deltas from the node's master ID, fields (or only values with SAMEFIELDS)
 * and an lp-count; then the stream metadata and the consumer groups with their PELs.
 */
final class StreamCodec implements RdbTypeCodec {
    private static final int FLAG_DELETED = 1;
    private static final int FLAG_SAMEFIELDS = 2;
    private static final int ENTRIES_PER_NODE = 100;

    @Override public boolean handles(Object value) {
        return value instanceof StreamValue;
    }

    @Override public int rdbType(Object value) {
        return RdbWriter.TYPE_STREAM_LISTPACKS_2;
    }

    private static byte[] num(long v) {
        return Numbers.longToBytes(v);
    }

    @Override public void writePayload(RdbWriter out, Object value) throws IOException {
        StreamValue s = (StreamValue) value;
        List<byte[][]> nodes = new ArrayList<>(); // [masterKey, listpack]
        StreamIterator it = s.iterator(null, null, false);
        List<byte[]> lp = null;
        long masterMs = 0, masterSeq = 0;
        byte[][] masterFields = null;
        int inNode = 0;
        while (it.next()) {
            if (lp == null) {
                masterMs = it.ms;
                masterSeq = it.seq;
                masterFields = new byte[it.fields()][];
                for (int f = 0; f < it.fields(); f++) masterFields[f] = it.item(2 * f);
                lp = new ArrayList<>();
                lp.add(num(0)); // live count, patched at the end of the node
                lp.add(num(0)); // deleted count
                lp.add(num(masterFields.length));
                lp.addAll(Arrays.asList(masterFields));
                lp.add(num(0)); // master entry terminator
                inNode = 0;
            }
            boolean same = it.fields() == masterFields.length;
            for (int f = 0; same && f < it.fields(); f++) same = Arrays.equals(it.item(2 * f), masterFields[f]);
            lp.add(num(same ? FLAG_SAMEFIELDS : 0));
            lp.add(num(it.ms - masterMs));
            lp.add(num(it.seq - masterSeq));
            if (!same) lp.add(num(it.fields()));
            for (int f = 0; f < it.fields(); f++) {
                if (!same) lp.add(it.item(2 * f));
                lp.add(it.item(2 * f + 1));
            }
            lp.add(num(it.fields() + 3 + (same ? 0 : it.fields() + 1)));
            inNode++;
            if (inNode == ENTRIES_PER_NODE) {
                nodes.add(finishNode(lp, inNode, masterMs, masterSeq));
                lp = null;
            }
        }
        if (lp != null) nodes.add(finishNode(lp, inNode, masterMs, masterSeq));
        out.length(nodes.size());
        for (byte[][] n : nodes) {
            out.string(n[0]);
            out.string(n[1]);
        }
        out.length(s.length());
        out.length(s.lastId().ms);
        out.length(s.lastId().seq);
        StreamId first = s.length() == 0 ? StreamId.ZERO : s.firstId();
        out.length(first.ms);
        out.length(first.seq);
        out.length(s.maxDeletedId().ms);
        out.length(s.maxDeletedId().seq);
        out.length(s.entriesAdded());
        out.length(s.groupCount());
        for (StreamGroup g : s.groups()) {
            out.string(g.name());
            out.length(g.lastId.ms);
            out.length(g.lastId.seq);
            out.length(g.entriesRead);
            out.length(g.pel().size());
            for (Map.Entry<StreamId, StreamPending> e : g.pel().entrySet()) {
                out.raw(rawId(e.getKey()));
                out.millis(e.getValue().deliveryTime);
                out.length(e.getValue().deliveryCount);
            }
            out.length(g.consumers().size());
            for (StreamConsumer c : g.consumers().values()) {
                out.string(c.name());
                out.millis(c.seenTime);
                out.length(c.pel().size());
                for (StreamId id : c.pel().keySet()) out.raw(rawId(id));
            }
        }
    }

    private static byte[][] finishNode(List<byte[]> lp, int live, long ms, long seq) {
        lp.set(0, num(live));
        return new byte[][] {rawId(new StreamId(ms, seq)), Listpack.encode(lp)};
    }

    /** A 128-bit big-endian ID (the rax key and PEL entries). */
    static byte[] rawId(StreamId id) {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (id.ms >>> (56 - 8 * i));
            b[8 + i] = (byte) (id.seq >>> (56 - 8 * i));
        }
        return b;
    }

    static StreamId parseRawId(byte[] b) {
        if (b.length != 16) throw new RdbFormatException("stream ID of " + b.length + " bytes");
        long ms = 0, seq = 0;
        for (int i = 0; i < 8; i++) {
            ms = (ms << 8) | (b[i] & 0xffL);
            seq = (seq << 8) | (b[8 + i] & 0xffL);
        }
        return new StreamId(ms, seq);
    }

    @Override public boolean reads(int t) {
        return t == RdbWriter.TYPE_STREAM_LISTPACKS || t == RdbWriter.TYPE_STREAM_LISTPACKS_2;
    }

    @Override public Object read(RdbReader in, int t, RdbLoadOptions o) throws IOException {
        StreamValue s = new StreamValue();
        long maxBytes = o.config().getLong("stream-node-max-bytes");
        long maxEntries = o.config().getLong("stream-node-max-entries");
        long nodes = in.length();
        for (long n = 0; n < nodes; n++) {
            StreamId master = parseRawId(in.string());
            List<byte[]> lp = Listpack.decode(in.string());
            readNode(s, master, lp, maxBytes, maxEntries);
        }
        long length = in.length();
        if (length != s.length()) throw new RdbFormatException("stream length mismatch");
        StreamId last = new StreamId(in.length(), in.length());
        if (t == RdbWriter.TYPE_STREAM_LISTPACKS_2) {
            s.firstId(new StreamId(in.length(), in.length()));
            s.maxDeletedId(new StreamId(in.length(), in.length()));
            s.entriesAdded(in.length());
        } else {
            s.entriesAdded(length);
        }
        s.lastId(last);
        long groups = in.length();
        for (long g = 0; g < groups; g++) {
            byte[] name = in.string();
            StreamId gid = new StreamId(in.length(), in.length());
            long entriesRead = t == RdbWriter.TYPE_STREAM_LISTPACKS_2 ? in.length() : s.estimateDistance(gid); // as rdbLoadObject
            StreamGroup group = s.createGroup(name, gid, entriesRead);
            if (group == null) throw new RdbFormatException("duplicated consumer group name");
            long pel = in.length();
            for (long p = 0; p < pel; p++) {
                StreamId id = parseRawId(in.readBytes(16));
                long time = in.millis();
                long count = in.length();
                group.addPending(id, null, time, count);
            }
            long consumers = in.length();
            for (long c = 0; c < consumers; c++) {
                byte[] cname = in.string();
                long seen = in.millis();
                StreamConsumer consumer = group.createConsumer(cname, seen);
                if (consumer == null) throw new RdbFormatException("duplicated consumer name");
                long owned = in.length();
                for (long p = 0; p < owned; p++) {
                    StreamId id = parseRawId(in.readBytes(16));
                    StreamPending pending = group.pel().get(id);
                    if (pending == null) throw new RdbFormatException("consumer PEL entry not in the group PEL");
                    group.assign(id, pending, consumer);
                }
            }
        }
        return s;
    }

    private static long lpInt(List<byte[]> lp, int i) {
        long v = Numbers.parseLongOr(lp.get(i), Long.MIN_VALUE);
        if (v == Long.MIN_VALUE) throw new RdbFormatException("stream node: integer expected");
        return v;
    }

    private static void readNode(StreamValue s, StreamId master, List<byte[]> lp, long maxBytes, long maxEntries) {
        int p = 0;
        long live = lpInt(lp, p++);
        long deleted = lpInt(lp, p++);
        int mf = (int) lpInt(lp, p++);
        byte[][] masterFields = new byte[mf][];
        for (int i = 0; i < mf; i++) masterFields[i] = lp.get(p++);
        p++; // master terminator
        long total = live + deleted;
        for (long e = 0; e < total; e++) {
            int flags = (int) lpInt(lp, p++);
            long ms = master.ms + lpInt(lp, p++);
            long seq = master.seq + lpInt(lp, p++);
            byte[][] fv;
            if ((flags & FLAG_SAMEFIELDS) != 0) {
                fv = new byte[mf * 2][];
                for (int i = 0; i < mf; i++) {
                    fv[2 * i] = masterFields[i];
                    fv[2 * i + 1] = lp.get(p++);
                }
            } else {
                int nf = (int) lpInt(lp, p++);
                fv = new byte[nf * 2][];
                for (int i = 0; i < nf * 2; i++) fv[i] = lp.get(p++);
            }
            p++; // lp-count
            if ((flags & FLAG_DELETED) == 0) s.append(new StreamId(ms, seq), fv, 0, fv.length / 2, maxBytes, maxEntries);
        }
    }
}
