package io.cinnabar.persistence.aof;

import java.io.IOException;
import java.io.InputStream;

/**
 * Buffered reading of an AOF file with the byte offset always known (for "valid up to" and error
 * messages), C stdio style: {@link #readLine} is fgets, {@link #readFully} is fread. It is also an
 * InputStream, so an RDB preamble can be read from it and the AOF tail continued after it.
 */
final class AofInput extends InputStream {
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private long offset; // file offset of buf[pos]
    private boolean eof;

    AofInput(InputStream in) {
        this.in = in;
    }

    /** Offset of the next unread byte (ftello). */
    long offset() {
        return offset;
    }

    /** True once a read hit the end of the file (feof). */
    boolean eof() {
        return eof;
    }

    private boolean fill() throws IOException {
        if (pos < limit) return true;
        if (eof) return false;
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    /**
     * fgets into {@code line} (capacity {@code line.length}, at most length-1 bytes kept, as C keeps
     * the terminator): reads up to and including '\n'. Returns the number of bytes read, 0 at end of file.
     */
    int readLine(byte[] line) throws IOException {
        int n = 0;
        int max = line.length - 1;
        while (n < max) {
            if (!fill()) break;
            byte c = buf[pos++];
            offset++;
            line[n++] = c;
            if (c == '\n') break;
        }
        return n;
    }

    /** fread of exactly {@code len} bytes; false (with {@link #eof()} set) on a short read. */
    boolean readFully(byte[] dst, int off, int len) throws IOException {
        while (len > 0) {
            if (!fill()) return false;
            int k = Math.min(len, limit - pos);
            System.arraycopy(buf, pos, dst, off, k);
            pos += k;
            offset += k;
            off += k;
            len -= k;
        }
        return true;
    }

    @Override public int read() throws IOException {
        if (!fill()) return -1;
        offset++;
        return buf[pos++] & 0xff;
    }

    @Override public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (!fill()) return -1;
        int k = Math.min(len, limit - pos);
        System.arraycopy(buf, pos, b, off, k);
        pos += k;
        offset += k;
        return k;
    }

    @Override public void close() throws IOException {
        in.close();
    }
}
