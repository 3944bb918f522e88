package io.cinnabar.persistence.rdb;

import io.cinnabar.store.ListValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists as Redis 7.0 writes them (RDB_TYPE_LIST_QUICKLIST_2): nodes of packed listpacks of at most
 * 8 KB (list-max-listpack-size -2), an element too big for a node written as a plain node.
 * Reads every older list encoding too.
 */
final class ListCodec implements RdbTypeCodec {
    private static final int PLAIN = 1;
    private static final int PACKED = 2;
    private static final int NODE_BYTES = 8 * 1024;

    @Override public boolean handles(Object value) {
        return value instanceof ListValue;
    }

    @Override public int rdbType(Object value) {
        return RdbWriter.TYPE_LIST_QUICKLIST_2;
    }

    @Override public void writePayload(RdbWriter out, Object value) throws IOException {
        ListValue l = (ListValue) value;
        List<List<byte[]>> nodes = new ArrayList<>();
        List<byte[]> cur = new ArrayList<>();
        int bytes = 0;
        for (int i = 0; i < l.length(); i++) {
            byte[] e = l.get(i);
            if (e.length >= NODE_BYTES) {
                if (!cur.isEmpty()) nodes.add(cur);
                nodes.add(List.of(e, new byte[0])); // marker pair: a plain node
                cur = new ArrayList<>();
                bytes = 0;
                continue;
            }
            if (bytes + e.length + 11 > NODE_BYTES && !cur.isEmpty()) {
                nodes.add(cur);
                cur = new ArrayList<>();
                bytes = 0;
            }
            cur.add(e);
            bytes += e.length + 11;
        }
        if (!cur.isEmpty()) nodes.add(cur);
        out.length(nodes.size());
        for (List<byte[]> n : nodes) {
            if (n.size() == 2 && n.get(1).length == 0 && n.get(0).length >= NODE_BYTES) {
                out.length(PLAIN);
                out.string(n.get(0));
            } else {
                out.length(PACKED);
                out.string(Listpack.encode(n));
            }
        }
    }

    @Override public boolean reads(int t) {
        return t == RdbWriter.TYPE_LIST || t == RdbWriter.TYPE_LIST_ZIPLIST || t == RdbWriter.TYPE_LIST_QUICKLIST
                || t == RdbWriter.TYPE_LIST_QUICKLIST_2;
    }

    @Override public Object read(RdbReader in, int t, RdbLoadOptions o) throws IOException {
        ListValue l = new ListValue();
        switch (t) {
            case RdbWriter.TYPE_LIST: {
                long n = in.length();
                for (long i = 0; i < n; i++) l.pushTail(in.string());
                break;
            }
            case RdbWriter.TYPE_LIST_ZIPLIST:
                for (byte[] e : LegacyEncodings.ziplist(in.string())) l.pushTail(e);
                break;
            case RdbWriter.TYPE_LIST_QUICKLIST: {
                long nodes = in.length();
                for (long i = 0; i < nodes; i++) for (byte[] e : LegacyEncodings.ziplist(in.string())) l.pushTail(e);
                break;
            }
            default: {
                long nodes = in.length();
                for (long i = 0; i < nodes; i++) {
                    long container = in.length();
                    byte[] blob = in.string();
                    if (container == PLAIN) {
                        l.pushTail(blob);
                    } else if (container == PACKED) {
                        for (byte[] e : Listpack.decode(blob)) l.pushTail(e);
                    } else {
                        throw new RdbFormatException("unknown quicklist node container " + container);
                    }
                }
            }
        }
        return l.isEmpty() ? null : l;
    }
}
