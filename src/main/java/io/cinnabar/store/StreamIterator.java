package io.cinnabar.store;

import java.util.Map;

/**
 * Walks the live entries of a stream between two IDs (inclusive), forwards or backwards
 * (streamIterator). After {@link #next()} returns true, {@link #ms}/{@link #seq} hold the entry's
 * ID and {@link #fields()} the number of field-value pairs; item {@code i} (field 2k, value 2k+1)
 * lies in {@link #data()} at {@link #offset(int)}, {@link #length(int)} bytes, so replies copy
 * straight from the node. The stream must not be changed while iterating.
 */
public final class StreamIterator {
    private final StreamValue stream;
    private final long startMs, startSeq, endMs, endSeq;
    private final boolean rev;
    private final boolean tombstones;
    private StreamNode node;
    private StreamId nodeKey;
    private boolean started;
    private boolean done;
    // forward: offset of the next entry; reverse: index into offsets
    private int pos;
    private int[] offsets;
    private int index;
    private final int[] tmp = new int[1];
    private int[] itemOff = new int[8];
    private int[] itemLen = new int[8];

    public long ms;
    public long seq;
    private int pairs;
    private boolean deletedEntry;

    StreamIterator(StreamValue stream, StreamId start, StreamId end, boolean rev, boolean tombstones) {
        this.stream = stream;
        StreamId s = start == null ? StreamId.ZERO : start;
        StreamId e = end == null ? StreamId.MAX : end;
        this.startMs = s.ms;
        this.startSeq = s.seq;
        this.endMs = e.ms;
        this.endSeq = e.seq;
        this.rev = rev;
        this.tombstones = tombstones;
    }

    public int fields() {
        return pairs;
    }

    public boolean isDeleted() {
        return deletedEntry;
    }

    public byte[] data() {
        return node.data;
    }

    public int offset(int item) {
        return itemOff[item];
    }

    public int length(int item) {
        return itemLen[item];
    }

    public StreamId id() {
        return new StreamId(ms, seq);
    }

    public byte[] item(int i) {
        byte[] b = new byte[itemLen[i]];
        System.arraycopy(node.data, itemOff[i], b, 0, b.length);
        return b;
    }

    private boolean seekFirstNode() {
        Map.Entry<StreamId, StreamNode> e;
        if (!rev) {
            e = stream.nodes.floorEntry(new StreamId(startMs, startSeq));
            if (e == null) e = stream.nodes.firstEntry();
        } else {
            e = stream.nodes.floorEntry(new StreamId(endMs, endSeq));
        }
        return enter(e);
    }

    private boolean enter(Map.Entry<StreamId, StreamNode> e) {
        if (e == null) {
            done = true;
            return false;
        }
        nodeKey = e.getKey();
        node = e.getValue();
        if (rev) {
            offsets = node.offsets();
            index = offsets.length - 1;
        } else {
            pos = 0;
        }
        return true;
    }

    private boolean nextNode() {
        return enter(rev ? stream.nodes.lowerEntry(nodeKey) : stream.nodes.higherEntry(nodeKey));
    }

    /** Advances to the next entry in range; false when there is none. */
    public boolean next() {
        if (done) return false;
        if (!started) {
            started = true;
            if (!seekFirstNode()) return false;
        }
        while (true) {
            int p;
            if (rev) {
                if (index < 0) {
                    if (!nextNode()) return false;
                    continue;
                }
                p = offsets[index--];
            } else {
                if (pos >= node.used) {
                    if (!nextNode()) return false;
                    continue;
                }
                p = pos;
            }
            byte[] d = node.data;
            int flags = d[p];
            tmp[0] = p + 1;
            long msDelta = StreamNode.varLong(d, tmp);
            long seqPart = StreamNode.varLong(d, tmp);
            ms = node.masterMs + msDelta;
            seq = msDelta == 0 ? node.masterSeq + seqPart : seqPart;
            pairs = (int) StreamNode.varLong(d, tmp);
            int n = pairs * 2;
            if (itemOff.length < n) {
                itemOff = new int[n * 2];
                itemLen = new int[n * 2];
            }
            for (int i = 0; i < n; i++) {
                int len = (int) StreamNode.varLong(d, tmp);
                itemOff[i] = tmp[0];
                itemLen[i] = len;
                tmp[0] += len;
            }
            if (!rev) pos = tmp[0];
            deletedEntry = (flags & StreamNode.DELETED) != 0;
            if (rev) {
                if (StreamId.compare(ms, seq, startMs, startSeq) < 0) {
                    done = true;
                    return false;
                }
                if (StreamId.compare(ms, seq, endMs, endSeq) > 0) continue;
            } else {
                if (StreamId.compare(ms, seq, endMs, endSeq) > 0) {
                    done = true;
                    return false;
                }
                if (StreamId.compare(ms, seq, startMs, startSeq) < 0) continue;
            }
            if (deletedEntry && !tombstones) continue;
            lastPos = p;
            return true;
        }
    }

    private int lastPos;

    /** Flags the current entry as deleted (streamIteratorRemoveEntry); the node may go away. */
    void removeCurrent() {
        node.data[lastPos] |= StreamNode.DELETED;
        node.live--;
        node.deleted++;
        if (node.live == 0) {
            stream.nodes.remove(nodeKey);
            done = true; // callers delete one entry per iterator
        }
    }
}
