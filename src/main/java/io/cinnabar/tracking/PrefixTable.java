package io.cinnabar.tracking;

import io.cinnabar.server.ClientConnection;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * BCAST mode (Redis' PrefixTable): prefix → the clients subscribed to it and the keys under it
 * modified since the last broadcast, each with the client that modified it last (for NOLOOP).
 * Prefixes and keys are kept in byte order, as Redis' radix trees list them.
 */
final class PrefixTable {
    /** One prefix: its subscribers, and the keys modified in this event loop cycle. */
    static final class Bcast {
        final Set<ClientConnection> clients = new LinkedHashSet<>();
        TreeMap<byte[], ClientConnection> keys = new TreeMap<>(Arrays::compareUnsigned);
    }

    private final TreeMap<byte[], Bcast> prefixes = new TreeMap<>(Arrays::compareUnsigned);

    int size() {
        return prefixes.size();
    }

    boolean isEmpty() {
        return prefixes.isEmpty();
    }

    /** enableBcastTrackingForPrefix: subscribes c to prefix (nothing if it already is). */
    void subscribe(ClientConnection c, byte[] prefix) {
        Bcast bs = prefixes.computeIfAbsent(prefix, p -> new Bcast());
        if (bs.clients.add(c)) {
            if (c.trackingPrefixes == null) c.trackingPrefixes = new java.util.TreeSet<>(Arrays::compareUnsigned);
            c.trackingPrefixes.add(prefix);
        }
    }

    /** disableTracking's BCAST part: c leaves all its prefixes; a prefix without clients goes away. */
    void unsubscribeAll(ClientConnection c) {
        if (c.trackingPrefixes == null) return;
        for (byte[] p : c.trackingPrefixes) {
            Bcast bs = prefixes.get(p);
            if (bs == null) continue;
            bs.clients.remove(c);
            if (bs.clients.isEmpty()) prefixes.remove(p);
        }
        c.trackingPrefixes = null;
    }

    /** trackingRememberKeyToBroadcast: key goes to every prefix it starts with, remembering who changed it. */
    void keyModified(ClientConnection by, byte[] key) {
        for (Map.Entry<byte[], Bcast> e : prefixes.entrySet()) {
            byte[] p = e.getKey();
            if (p.length > key.length || !Arrays.equals(p, 0, p.length, key, 0, p.length)) continue;
            e.getValue().keys.put(key, by);
        }
    }

    /** trackingBroadcastInvalidationMessages: each prefix's keys to its clients, then forgets the keys. */
    void broadcast(Tracking tracking) {
        for (Bcast bs : prefixes.values()) {
            if (!bs.keys.isEmpty()) {
                byte[] proto = reply(bs.keys, null);
                for (ClientConnection c : bs.clients) {
                    if (c.has(ClientConnection.TRACKING_NOLOOP)) {
                        byte[] adhoc = reply(bs.keys, c); // without the keys this client changed last
                        if (adhoc != null) tracking.send(c, adhoc, true);
                    } else {
                        tracking.send(c, proto, true);
                    }
                }
                bs.keys = new TreeMap<>(Arrays::compareUnsigned);
            }
        }
    }

    /** trackingBuildBroadcastReply: the RESP array of the keys not last changed by {@code skip}; null if none. */
    private static byte[] reply(TreeMap<byte[], ClientConnection> keys, ClientConnection skip) {
        int count = 0;
        for (ClientConnection by : keys.values()) if (skip == null || by != skip) count++;
        if (count == 0) return null;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(16 + count * 16);
        out.writeBytes(("*" + count + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (Map.Entry<byte[], ClientConnection> e : keys.entrySet()) {
            if (skip != null && e.getValue() == skip) continue;
            out.writeBytes(("$" + e.getKey().length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(e.getKey());
            out.writeBytes(CRLF);
        }
        return out.toByteArray();
    }

    private static final byte[] CRLF = {'\r', '\n'};

    /**
     * checkPrefixCollisionsOrReply: the error text for the first prefix that overlaps one the client
     * has or a later one given, or null. {@code index} receives the position of the offending prefix.
     */
    static String collision(ClientConnection c, byte[][] given, int[] index) {
        for (int i = 0; i < given.length; i++) {
            if (c.trackingPrefixes != null) {
                for (byte[] p : c.trackingPrefixes) {
                    if (overlap(p, given[i])) {
                        index[0] = i;
                        return "ERR Prefix '" + cstr(given[i]) + "' overlaps with an existing prefix '" + cstr(p)
                                + "'. Prefixes for a single client must not overlap.";
                    }
                }
            }
            for (int j = i + 1; j < given.length; j++) {
                if (overlap(given[i], given[j])) {
                    index[0] = i;
                    return "ERR Prefix '" + cstr(given[i]) + "' overlaps with another provided prefix '"
                            + cstr(given[j]) + "'. Prefixes for a single client must not overlap.";
                }
            }
        }
        return null;
    }

    private static boolean overlap(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        return Arrays.equals(a, 0, n, b, 0, n);
    }

    /** As C's %s prints it: up to the first NUL byte. */
    private static String cstr(byte[] b) {
        int n = 0;
        while (n < b.length && b[n] != 0) n++;
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }
}
