package io.cinnabar.store;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stream (Redis' t_stream.c "stream"): entries packed into {@link StreamNode}s of at most
 * stream-node-max-entries / stream-node-max-bytes, indexed by their first ID in an ordered map,
 * plus the metadata Redis keeps: length, last generated ID, first ID, max deleted ID, entries
 * added, and the consumer groups. Deletion leaves tombstones inside nodes; a node with no live
 * entry is dropped.
 */
public final class StreamValue implements TypedValue {
    /** Redis' STREAM_LISTPACK_MAX_SIZE: the bound on a node's and an entry's bytes. */
    public static final long NODE_MAX_SIZE = 1L << 30;

    final TreeMap<StreamId, StreamNode> nodes = new TreeMap<>();
    private long length;
    private StreamId lastId = StreamId.ZERO;
    private StreamId firstId = StreamId.ZERO;
    private StreamId maxDeletedId = StreamId.ZERO;
    private long entriesAdded;
    private TreeMap<byte[], StreamGroup> groups;

    @Override public ValueType type() {
        return ValueType.STREAM;
    }

    @Override public String encoding() {
        return "stream";
    }

    @Override public long size() {
        return length;
    }

    public long length() {
        return length;
    }

    public StreamId lastId() {
        return lastId;
    }

    public StreamId firstId() {
        return firstId;
    }

    public StreamId maxDeletedId() {
        return maxDeletedId;
    }

    public long entriesAdded() {
        return entriesAdded;
    }

    /** Number of nodes (XINFO radix-tree-keys). */
    public int nodeCount() {
        return nodes.size();
    }

    // ---- metadata setters (XSETID, RDB loading) ----

    public void lastId(StreamId id) {
        lastId = id;
    }

    public void entriesAdded(long n) {
        entriesAdded = n;
    }

    public void maxDeletedId(StreamId id) {
        maxDeletedId = id;
    }

    public void firstId(StreamId id) {
        firstId = id;
    }

    // ---- IDs ----

    /** The ID an auto-generated XADD gets now (streamNextID); null when the ID space is exhausted. */
    public StreamId nextId(long nowMs) {
        if (Long.compareUnsigned(nowMs, lastId.ms) > 0) return new StreamId(nowMs, 0);
        return lastId.next();
    }

    /**
     * The ID for an explicit {@code ms-*}: sequence 0 for a new millisecond, otherwise the last
     * sequence plus one; null when that would overflow.
     */
    public StreamId nextIdForMs(long ms) {
        if (lastId.ms == ms) {
            if (lastId.seq == -1L) return null;
            return new StreamId(ms, lastId.seq + 1);
        }
        return new StreamId(ms, 0);
    }

    /**
     * Appends an entry with {@code id} (which must be greater than {@link #lastId()}), its fields and
     * values being {@code fv[off .. off + 2*pairs)}. A new node starts when the tail node holds
     * {@code maxEntries} entries (live or deleted) or would reach {@code maxBytes}.
     */
    public void append(StreamId id, byte[][] fv, int off, int pairs, long maxBytes, long maxEntries) {
        long elen = 0;
        for (int i = 0; i < pairs * 2; i++) elen += fv[off + i].length;
        Map.Entry<StreamId, StreamNode> tail = nodes.lastEntry();
        StreamNode node = tail == null ? null : tail.getValue();
        if (node != null) {
            if (maxBytes <= 0 || maxBytes > NODE_MAX_SIZE) maxBytes = NODE_MAX_SIZE;
            if (node.used + elen >= maxBytes || (maxEntries > 0 && node.total() >= maxEntries)) {
                node.shrink();
                node = null;
            }
        }
        if (node == null) {
            node = new StreamNode(id.ms, id.seq, (int) Math.min(elen + 64, 4096));
            nodes.put(id, node);
        }
        node.append(id.ms, id.seq, fv, off, pairs);
        length++;
        entriesAdded++;
        lastId = id;
        if (length == 1) firstId = id;
    }

    // ---- iteration ----

    /** Live entries from start to end inclusive (null: unbounded), forwards or backwards. */
    public StreamIterator iterator(StreamId start, StreamId end, boolean rev) {
        return new StreamIterator(this, start, end, rev, false);
    }

    /** Like {@link #iterator} but tombstones are returned too ({@link StreamIterator#isDeleted()}). */
    public StreamIterator iteratorWithTombstones(StreamId start, StreamId end, boolean rev) {
        return new StreamIterator(this, start, end, rev, true);
    }

    public boolean exists(StreamId id) {
        if (length == 0) return false;
        StreamIterator it = iterator(id, id, false);
        return it.next();
    }

    /** The first or last live ID, or null when empty (streamGetEdgeID with skip_tombstones). */
    public StreamId edgeId(boolean first) {
        StreamIterator it = iterator(null, null, !first);
        return it.next() ? it.id() : null;
    }

    /** The first ID including tombstones (the first node's master ID), or 0-0 when empty. */
    public StreamId firstIdWithTombstones() {
        return nodes.isEmpty() ? StreamId.ZERO : nodes.firstKey();
    }

    // ---- deletion and trimming ----

    /** XDEL of one ID: flags it deleted and maintains max-deleted/first ID; false if absent. */
    public boolean delete(StreamId id) {
        if (length == 0) return false;
        StreamIterator it = iterator(id, id, false);
        if (!it.next()) return false;
        it.removeCurrent();
        length--;
        if (id.compareTo(maxDeletedId) > 0) maxDeletedId = id;
        if (length == 0) {
            firstId = StreamId.ZERO;
        } else if (id.equals(firstId)) {
            StreamId f = edgeId(true);
            firstId = f == null ? StreamId.ZERO : f;
        }
        return true;
    }

    /**
     * Trims by length (minId null) or by minimal ID (streamTrim). With {@code approx} only whole
     * nodes go; {@code limit} (0: none) caps the entries removed. Returns how many were removed.
     */
    public long trim(long maxLen, StreamId minId, boolean approx, long limit) {
        long deleted = 0;
        Iterator<Map.Entry<StreamId, StreamNode>> it = nodes.entrySet().iterator();
        int[] tmp = new int[1];
        while (it.hasNext()) {
            if (minId == null && length <= maxLen) break;
            Map.Entry<StreamId, StreamNode> e = it.next();
            StreamNode node = e.getValue();
            long entries = node.live;
            if (limit != 0 && deleted + entries > limit) break;
            boolean removeNode = minId == null
                    ? length - entries >= maxLen
                    : StreamId.compare(node.lastMs, node.lastSeq, minId.ms, minId.seq) < 0;
            if (removeNode) {
                it.remove();
                length -= entries;
                deleted += entries;
                continue;
            }
            if (approx) break;
            byte[] d = node.data;
            int p = 0;
            int fromNode = 0;
            while (p < node.used) {
                tmp[0] = p + 1;
                long msDelta = StreamNode.varLong(d, tmp);
                long seqPart = StreamNode.varLong(d, tmp);
                if (minId == null) {
                    if (length <= maxLen) break;
                } else {
                    long ms = node.masterMs + msDelta;
                    long seq = msDelta == 0 ? node.masterSeq + seqPart : seqPart;
                    if (StreamId.compare(ms, seq, minId.ms, minId.seq) >= 0) break;
                }
                if ((d[p] & StreamNode.DELETED) == 0) {
                    d[p] |= StreamNode.DELETED;
                    fromNode++;
                    length--;
                }
                p = node.skip(p, tmp);
            }
            node.live -= fromNode;
            node.deleted += fromNode;
            deleted += fromNode;
            break;
        }
        if (length == 0) {
            firstId = StreamId.ZERO;
        } else if (deleted > 0) {
            StreamId f = edgeId(true);
            firstId = f == null ? StreamId.ZERO : f;
        }
        return deleted;
    }

    // ---- consumer groups ----

    public StreamGroup group(byte[] name) {
        return groups == null ? null : groups.get(name);
    }

    /** Creates a group; null if one with that name exists. */
    public StreamGroup createGroup(byte[] name, StreamId lastDelivered, long entriesRead) {
        if (groups == null) groups = new TreeMap<>(Arrays::compareUnsigned);
        if (groups.containsKey(name)) return null;
        StreamGroup g = new StreamGroup(name, lastDelivered, entriesRead);
        groups.put(name, g);
        return g;
    }

    public boolean destroyGroup(byte[] name) {
        return groups != null && groups.remove(name) != null;
    }

    /** The groups ordered by name. */
    public Collection<StreamGroup> groups() {
        return groups == null ? Collections.emptyList() : groups.values();
    }

    public int groupCount() {
        return groups == null ? 0 : groups.size();
    }

    /** streamRangeHasTombstones: whether a deleted entry may lie in [start, end] (null: open). */
    public boolean rangeHasTombstones(StreamId start, StreamId end) {
        if (length == 0 || maxDeletedId.isZero()) return false;
        if (firstId.compareTo(maxDeletedId) > 0) return false;
        StreamId s = start == null ? StreamId.ZERO : start;
        StreamId e = end == null ? StreamId.MAX : end;
        return s.compareTo(maxDeletedId) <= 0 && maxDeletedId.compareTo(e) <= 0;
    }

    /**
     * The logical read counter of {@code id}: its distance from the first entry ever added
     * (streamEstimateDistanceFromFirstEverEntry), or {@link StreamGroup#INVALID_ENTRIES_READ}.
     */
    public long estimateDistance(StreamId id) {
        if (entriesAdded == 0) return 0;
        if (length == 0 && id.compareTo(lastId) < 1) return entriesAdded;
        int cmpLast = id.compareTo(lastId);
        if (cmpLast == 0) return entriesAdded;
        if (cmpLast > 0) return StreamGroup.INVALID_ENTRIES_READ;
        int cmpFirst = id.compareTo(firstId);
        if (maxDeletedId.isZero() || maxDeletedId.compareTo(firstId) < 0) {
            if (cmpFirst < 0) return entriesAdded - length;
            if (cmpFirst == 0) return entriesAdded - length + 1;
        }
        return StreamGroup.INVALID_ENTRIES_READ;
    }

    /** The group's lag (streamReplyWithCGLag), or null when it cannot be known. */
    public Long lag(StreamGroup g) {
        if (entriesAdded == 0) return 0L;
        if (g.entriesRead != StreamGroup.INVALID_ENTRIES_READ && !rangeHasTombstones(g.lastId, null)) {
            return entriesAdded - g.entriesRead;
        }
        long read = estimateDistance(g.lastId);
        return read == StreamGroup.INVALID_ENTRIES_READ ? null : entriesAdded - read;
    }

    /** Records that the group was served {@code id} (the read-counter update of streamReplyWithRange). */
    public void advanceGroup(StreamGroup g, StreamId id) {
        if (g.entriesRead != StreamGroup.INVALID_ENTRIES_READ && !rangeHasTombstones(id, null)) {
            g.entriesRead++;
        } else if (entriesAdded != 0) {
            g.entriesRead = estimateDistance(id);
        }
        g.lastId = id;
    }

    @Override public StreamValue copy() {
        StreamValue s = new StreamValue();
        for (Map.Entry<StreamId, StreamNode> e : nodes.entrySet()) s.nodes.put(e.getKey(), e.getValue().copy());
        s.length = length;
        s.lastId = lastId;
        s.firstId = firstId;
        s.maxDeletedId = maxDeletedId;
        s.entriesAdded = entriesAdded;
        if (groups != null) {
            s.groups = new TreeMap<>(Arrays::compareUnsigned);
            for (StreamGroup g : groups.values()) s.groups.put(g.name(), g.copy());
        }
        return s;
    }
}
