package io.cinnabar.persistence.aof;

import io.cinnabar.store.Database;
import io.cinnabar.store.HashValue;
import io.cinnabar.store.KeyEntry;
import io.cinnabar.store.ListValue;
import io.cinnabar.store.SetValue;
import io.cinnabar.store.SortedSetValue;
import io.cinnabar.store.StreamConsumer;
import io.cinnabar.store.StreamGroup;
import io.cinnabar.store.StreamId;
import io.cinnabar.store.StreamIterator;
import io.cinnabar.store.StreamPending;
import io.cinnabar.store.StreamValue;
import io.cinnabar.store.StringValues;
import io.cinnabar.util.Numbers;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes a keyspace as the commands that rebuild it (Redis' rewriteAppendOnlyFileRio): per
 * non-empty db a SELECT, then per key SET / RPUSH / SADD / ZADD / HMSET (at most 64 items per
 * command), streams as XADD + XSETID + XGROUP CREATE + XCLAIM / XGROUP CREATECONSUMER, and a
 * PEXPIREAT for keys with a TTL. Runs on the owner thread (it reads live values).
 */
public final class AofRewriter {
    /** AOF_REWRITE_ITEMS_PER_CMD */
    static final int ITEMS_PER_CMD = 64;

    private final OutputStream out;
    private long keys;

    private AofRewriter(OutputStream out) {
        this.out = out;
    }

    /** Writes every db; {@code timestamp} (seconds) &gt; 0 starts the file with a "#TS:" annotation. Returns the key count. */
    public static long write(OutputStream out, Database[] dbs, long timestamp) throws IOException {
        return write(out, dbs, timestamp, java.util.List.of());
    }

    /** As above, the function libraries first, as FUNCTION LOAD commands (rewriteFunctions). */
    public static long write(OutputStream out, Database[] dbs, long timestamp, java.util.List<byte[]> functions)
            throws IOException {
        AofRewriter w = new AofRewriter(out);
        if (timestamp > 0) w.raw("#TS:" + timestamp + "\r\n");
        for (byte[] code : functions) {
            w.header(3);
            w.bulk("FUNCTION");
            w.bulk("LOAD");
            w.bulk(code);
        }
        try {
            for (Database db : dbs) {
                if (db.size() == 0) continue;
                w.header(2);
                w.bulk("SELECT");
                w.bulk(Long.toString(db.id()));
                db.keys().forEach(e -> {
                    try {
                        w.key(e);
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                });
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
        return w.keys;
    }

    private void key(KeyEntry e) throws IOException {
        byte[] key = e.key();
        Object v = e.value();
        if (v instanceof ListValue l) {
            list(key, l);
        } else if (v instanceof SetValue s) {
            chunked("SADD", key, (int) s.size(), 1, emit -> s.forEach(m -> emit.item(m, null)));
        } else if (v instanceof SortedSetValue z) {
            chunked("ZADD", key, (int) z.size(), 2, emit -> z.forEach((m, score) ->
                    emit.item(Numbers.formatG17(score).getBytes(StandardCharsets.US_ASCII), m)));
        } else if (v instanceof HashValue h) {
            chunked("HMSET", key, (int) h.size(), 2, emit -> h.forEach(emit::item));
        } else if (v instanceof StreamValue s) {
            stream(key, s);
        } else {
            header(3);
            bulk("SET");
            bulk(key);
            bulk(StringValues.backing(v), StringValues.length(v));
        }
        if (e.hasExpire()) {
            header(3);
            bulk("PEXPIREAT");
            bulk(key);
            bulk(Long.toString(e.expireAt()));
        }
        keys++;
    }

    private void list(byte[] key, ListValue l) throws IOException {
        chunked("RPUSH", key, l.length(), 1, emit -> l.forEach(el -> emit.item(el, null)));
    }

    /** Receives the items of a collection, one or two arguments each. */
    private interface Emitter {
        void item(byte[] a, byte[] b);
    }

    private interface Source {
        void each(Emitter emit);
    }

    /** Items in commands of at most 64 items: "*{2+n*width} CMD key items...". */
    private void chunked(String cmd, byte[] key, int items, int width, Source source) throws IOException {
        int[] count = {0};
        int[] left = {items};
        try {
            source.each((a, b) -> {
                try {
                    if (count[0] == 0) {
                        int n = Math.min(left[0], ITEMS_PER_CMD);
                        header(2 + n * width);
                        bulk(cmd);
                        bulk(key);
                    }
                    bulk(a);
                    if (width == 2) bulk(b);
                    if (++count[0] == ITEMS_PER_CMD) count[0] = 0;
                    left[0]--;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void stream(byte[] key, StreamValue s) throws IOException {
        if (s.length() > 0) {
            StreamIterator it = s.iterator(StreamId.ZERO, StreamId.MAX, false);
            while (it.next()) {
                int fields = it.fields();
                header(3 + fields * 2);
                bulk("XADD");
                bulk(key);
                bulk(it.id().toString());
                for (int i = 0; i < fields * 2; i++) bulk(it.data(), it.offset(i), it.length(i));
            }
        } else {
            // the XADD MAXLEN 0 trick: an empty stream
            header(7);
            bulk("XADD");
            bulk(key);
            bulk("MAXLEN");
            bulk("0");
            bulk("0-1");
            bulk("x");
            bulk("y");
        }
        header(7);
        bulk("XSETID");
        bulk(key);
        bulk(s.lastId().toString());
        bulk("ENTRIESADDED");
        bulk(Long.toString(s.entriesAdded()));
        bulk("MAXDELETEDID");
        bulk(s.maxDeletedId().toString());
        for (StreamGroup g : s.groups()) {
            header(7);
            bulk("XGROUP");
            bulk("CREATE");
            bulk(key);
            bulk(g.name());
            bulk(g.lastId.toString());
            bulk("ENTRIESREAD");
            bulk(Long.toString(g.entriesRead));
            for (StreamConsumer c : g.consumers().values()) {
                if (c.pel().isEmpty()) {
                    header(5);
                    bulk("XGROUP");
                    bulk("CREATECONSUMER");
                    bulk(key);
                    bulk(g.name());
                    bulk(c.name());
                    continue;
                }
                for (Map.Entry<StreamId, StreamPending> p : c.pel().entrySet()) {
                    header(12);
                    bulk("XCLAIM");
                    bulk(key);
                    bulk(g.name());
                    bulk(c.name());
                    bulk("0");
                    bulk(p.getKey().toString());
                    bulk("TIME");
                    bulk(Long.toString(p.getValue().deliveryTime));
                    bulk("RETRYCOUNT");
                    bulk(Long.toString(p.getValue().deliveryCount));
                    bulk("JUSTID");
                    bulk("FORCE");
                }
            }
        }
    }

    private void raw(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.US_ASCII));
    }

    private void header(int n) throws IOException {
        raw("*" + n + "\r\n");
    }

    private void bulk(String s) throws IOException {
        bulk(s.getBytes(StandardCharsets.UTF_8));
    }

    private void bulk(byte[] b) throws IOException {
        bulk(b, 0, b.length);
    }

    private void bulk(byte[] b, int len) throws IOException {
        bulk(b, 0, len);
    }

    private void bulk(byte[] b, int off, int len) throws IOException {
        raw("$" + len + "\r\n");
        out.write(b, off, len);
        out.write('\r');
        out.write('\n');
    }
}
