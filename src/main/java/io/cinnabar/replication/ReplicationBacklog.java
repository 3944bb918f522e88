package io.cinnabar.replication;

import io.netty.buffer.ByteBuf;

/**
 * The replication backlog: the last {@code repl-backlog-size} bytes of the replication stream in a
 * ring buffer, addressed by absolute stream offsets, so a replica that reconnects can continue
 * from its offset (+CONTINUE) instead of a full resync.
 */
public final class ReplicationBacklog {
    private byte[] buf;
    private int idx; // next write position in buf
    private long histlen; // bytes of valid history, up to buf.length
    /** Offset of the last byte written (master_repl_offset). */
    private long endOffset;

    public ReplicationBacklog(int size, long startOffset) {
        this.buf = new byte[Math.max(16 * 1024, size)];
        this.endOffset = startOffset;
    }

    public int size() {
        return buf.length;
    }

    public long histlen() {
        return histlen;
    }

    /** repl_backlog_first_byte_offset. */
    public long firstByteOffset() {
        return endOffset - histlen + 1;
    }

    public long endOffset() {
        return endOffset;
    }

    public void append(ByteBuf data) {
        int n = data.readableBytes();
        int from = data.readerIndex();
        while (n > 0) {
            int chunk = Math.min(n, buf.length - idx);
            data.getBytes(from, buf, idx, chunk);
            idx = (idx + chunk) % buf.length;
            from += chunk;
            n -= chunk;
            histlen = Math.min(buf.length, histlen + chunk);
            endOffset += chunk;
        }
    }

    /** True when a replica that processed up to {@code offset - 1} can continue from {@code offset}. */
    public boolean canContinueFrom(long offset) {
        return histlen > 0 ? offset >= firstByteOffset() && offset <= endOffset + 1 : offset == endOffset + 1;
    }

    /** The bytes from {@code offset} (inclusive) to the end. */
    public byte[] from(long offset) {
        int len = (int) (endOffset + 1 - offset);
        byte[] out = new byte[len];
        int start = (int) ((idx - len) % buf.length + buf.length) % buf.length;
        int first = Math.min(len, buf.length - start);
        System.arraycopy(buf, start, out, 0, first);
        if (first < len) System.arraycopy(buf, 0, out, first, len - first);
        return out;
    }

    /** Grows or shrinks, keeping as much recent history as fits (CONFIG SET repl-backlog-size). */
    public void resize(int size) {
        size = Math.max(16 * 1024, size);
        if (size == buf.length) return;
        long keep = Math.min(histlen, size);
        byte[] recent = keep == 0 ? new byte[0] : from(endOffset + 1 - keep);
        buf = new byte[size];
        System.arraycopy(recent, 0, buf, 0, recent.length);
        idx = recent.length % size;
        histlen = recent.length;
    }
}
