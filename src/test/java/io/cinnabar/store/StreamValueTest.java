package io.cinnabar.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** StreamValue against a TreeMap model under many random appends, deletions, trims and range reads. */
class StreamValueTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> read(StreamValue s, StreamId from, StreamId to, boolean rev) {
        List<String> out = new ArrayList<>();
        StreamIterator it = s.iterator(from, to, rev);
        while (it.next()) {
            StringBuilder sb = new StringBuilder(it.id().toString());
            for (int i = 0; i < it.fields() * 2; i++) {
                sb.append(' ').append(new String(it.data(), it.offset(i), it.length(i), StandardCharsets.UTF_8));
            }
            out.add(sb.toString());
        }
        return out;
    }

    private static List<String> model(NavigableMap<StreamId, String> m, StreamId from, StreamId to, boolean rev) {
        List<String> out = new ArrayList<>();
        if (from.compareTo(to) > 0) return out;
        NavigableMap<StreamId, String> sub = m.subMap(from, true, to, true);
        for (Map.Entry<StreamId, String> e : (rev ? sub.descendingMap() : sub).entrySet()) {
            out.add(e.getKey() + " " + e.getValue());
        }
        return out;
    }

    private static StreamId randomId(Random r, StreamId last) {
        return new StreamId(r.nextInt((int) Math.max(1, last.ms + 3)), r.nextInt(5));
    }

    @Test void randomOperationsMatchTheModel() {
        for (long seed = 1; seed <= 12; seed++) {
            Random r = new Random(seed);
            StreamValue s = new StreamValue();
            TreeMap<StreamId, String> m = new TreeMap<>();
            int nodeMax = 1 + r.nextInt(12);
            long ms = 0;
            long seq = 0;
            StreamId maxDeleted = StreamId.ZERO;
            for (int op = 0; op < 3000; op++) {
                int k = r.nextInt(100);
                if (k < 60) {
                    if (r.nextBoolean()) ms += r.nextInt(3);
                    seq = r.nextInt(3) == 0 ? 0 : seq;
                    StreamId id = new StreamId(ms, seq);
                    if (id.compareTo(s.lastId()) <= 0) id = s.lastId().next();
                    ms = id.ms;
                    seq = id.seq + 1;
                    int pairs = 1 + r.nextInt(3);
                    byte[][] fv = new byte[pairs * 2][];
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < fv.length; i++) {
                        String v = (i % 2 == 0 ? "f" : "v") + r.nextInt(1000) + "x".repeat(r.nextInt(20));
                        fv[i] = b(v);
                        sb.append(i == 0 ? "" : " ").append(v);
                    }
                    s.append(id, fv, 0, pairs, 4096, nodeMax);
                    m.put(id, sb.toString());
                } else if (k < 80) {
                    StreamId id = m.isEmpty() || r.nextInt(4) == 0 ? randomId(r, s.lastId())
                            : new ArrayList<>(m.keySet()).get(r.nextInt(m.size()));
                    boolean had = m.remove(id) != null;
                    assertThat(s.delete(id)).isEqualTo(had);
                    if (had && id.compareTo(maxDeleted) > 0) maxDeleted = id;
                } else if (k < 86) {
                    long maxLen = r.nextInt(Math.max(1, m.size() + 2));
                    boolean approx = r.nextBoolean();
                    long removed = s.trim(maxLen, null, approx, approx ? 10L * nodeMax : 0);
                    if (!approx) {
                        assertThat(s.length()).isEqualTo(Math.min(m.size(), maxLen));
                    } else {
                        assertThat(s.length()).isGreaterThanOrEqualTo(Math.min(m.size(), maxLen));
                    }
                    assertThat(removed).isEqualTo(m.size() - s.length());
                    while (m.size() > s.length()) m.pollFirstEntry();
                } else if (k < 90) {
                    StreamId min = randomId(r, s.lastId());
                    boolean approx = r.nextBoolean();
                    long removed = s.trim(0, min, approx, 0);
                    int before = m.size();
                    if (!approx) m.headMap(min, false).clear();
                    else while (m.size() > s.length()) m.pollFirstEntry();
                    assertThat(removed).isEqualTo(before - m.size());
                } else {
                    StreamId a = randomId(r, s.lastId());
                    StreamId c = randomId(r, s.lastId());
                    assertThat(read(s, a, c, false)).isEqualTo(model(m, a, c, false));
                    assertThat(read(s, a, c, true)).isEqualTo(model(m, a, c, true));
                }
                assertThat(s.length()).isEqualTo(m.size());
                assertThat(s.firstId()).isEqualTo(m.isEmpty() ? StreamId.ZERO : m.firstKey());
                assertThat(s.maxDeletedId()).isEqualTo(maxDeleted);
                if (!m.isEmpty()) assertThat(s.edgeId(false)).isEqualTo(m.lastKey());
            }
            assertThat(read(s, null, null, false)).isEqualTo(model(m, StreamId.ZERO, StreamId.MAX, false));
            assertThat(read(s, null, null, true)).isEqualTo(model(m, StreamId.ZERO, StreamId.MAX, true));
            StreamValue copy = s.copy();
            assertThat(read(copy, null, null, false)).isEqualTo(read(s, null, null, false));
        }
    }

    @Test void nodesHoldAtMostMaxEntriesAndEmptyNodesGo() {
        StreamValue s = new StreamValue();
        byte[][] fv = {b("f"), b("v")};
        for (int i = 1; i <= 25; i++) s.append(new StreamId(i, 0), fv, 0, 1, 4096, 10);
        assertThat(s.nodeCount()).isEqualTo(3);
        for (int i = 1; i <= 10; i++) s.delete(new StreamId(i, 0));
        assertThat(s.nodeCount()).isEqualTo(2);
        assertThat(s.firstId()).isEqualTo(new StreamId(11, 0));
        assertThat(s.trim(5, null, true, 0)).isEqualTo(10); // only the whole node 11..20 can go
        assertThat(s.length()).isEqualTo(5);
    }

    @Test void unsignedIdsOrderAndOverflow() {
        StreamId big = new StreamId(-1L, 5);
        assertThat(big.compareTo(new StreamId(Long.MAX_VALUE, 0))).isPositive();
        assertThat(big.toString()).isEqualTo("18446744073709551615-5");
        assertThat(StreamId.MAX.next()).isNull();
        assertThat(StreamId.ZERO.prev()).isNull();
        assertThat(new StreamId(1, -1L).next()).isEqualTo(new StreamId(2, 0));
        StreamValue s = new StreamValue();
        s.lastId(new StreamId(7, -1L));
        assertThat(s.nextIdForMs(7)).isNull();
        assertThat(s.nextId(5)).isEqualTo(new StreamId(8, 0));
    }

    @Test void groupsPelAndLag() {
        StreamValue s = new StreamValue();
        byte[][] fv = {b("f"), b("v")};
        for (int i = 1; i <= 5; i++) s.append(new StreamId(i, 0), fv, 0, 1, 4096, 100);
        StreamGroup g = s.createGroup(b("g"), StreamId.ZERO, 0);
        assertThat(s.createGroup(b("g"), StreamId.ZERO, 0)).isNull();
        assertThat(s.lag(g)).isEqualTo(5L);
        StreamConsumer alice = g.createConsumer(b("alice"), 100);
        StreamConsumer bob = g.createConsumer(b("bob"), 100);
        for (int i = 1; i <= 3; i++) {
            s.advanceGroup(g, new StreamId(i, 0));
            g.addPending(new StreamId(i, 0), alice, 100, 1);
        }
        assertThat(s.lag(g)).isEqualTo(2L);
        g.assign(new StreamId(2, 0), g.pel().get(new StreamId(2, 0)), bob);
        assertThat(alice.pel()).hasSize(2);
        assertThat(bob.pel()).containsOnlyKeys(new StreamId(2, 0));
        assertThat(g.ack(new StreamId(2, 0))).isTrue();
        assertThat(bob.pel()).isEmpty();
        assertThat(g.deleteConsumer(alice)).isEqualTo(2);
        assertThat(g.pel()).isEmpty();
        s.delete(new StreamId(4, 0));
        assertThat(s.lag(g)).isNull(); // a tombstone ahead of the group: unknown
    }
}
