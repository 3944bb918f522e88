package io.cinnabar.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HashValueTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static Map<String, String> contents(HashValue h) {
        Map<String, String> m = new LinkedHashMap<>();
        h.forEach((f, v) -> assertThat(m.put(s(f), s(v))).isNull());
        return m;
    }

    @Test
    void randomOperationsMatchAMapAcrossTheConversion() {
        Random rnd = new Random(42);
        for (int round = 0; round < 20; round++) {
            HashValue h = new HashValue();
            Map<String, String> model = new HashMap<>();
            int maxEntries = 1 + rnd.nextInt(40);
            int keySpace = 5 + rnd.nextInt(200);
            for (int op = 0; op < 3000; op++) {
                String f = "f" + rnd.nextInt(keySpace);
                switch (rnd.nextInt(5)) {
                    case 0, 1 -> {
                        String v = "v" + rnd.nextInt(1000);
                        boolean created = h.set(b(f), b(v), maxEntries, 64);
                        assertThat(created).isEqualTo(model.put(f, v) == null);
                    }
                    case 2 -> assertThat(h.delete(b(f))).isEqualTo(model.remove(f) != null);
                    case 3 -> {
                        byte[] v = h.get(b(f));
                        assertThat(v == null ? null : s(v)).isEqualTo(model.get(f));
                        assertThat(h.contains(b(f))).isEqualTo(model.containsKey(f));
                    }
                    default -> {
                        byte[][] r = h.randomField();
                        if (model.isEmpty()) assertThat(r).isNull();
                        else assertThat(model.get(s(r[0]))).isEqualTo(s(r[1]));
                    }
                }
                assertThat(h.size()).isEqualTo(model.size());
                if (h.isCompact()) assertThat(h.size()).isLessThanOrEqualTo(maxEntries);
            }
            assertThat(contents(h)).isEqualTo(model);
            assertThat(contents(h.copy())).isEqualTo(model);
        }
    }

    @Test
    void compactKeepsInsertionOrderAndConvertsOneWay() {
        HashValue h = new HashValue();
        for (int i = 0; i < 5; i++) h.set(b("f" + i), b("v" + i), 5, 64);
        h.delete(b("f1"));
        assertThat(contents(h).keySet()).containsExactly("f0", "f2", "f3", "f4");
        assertThat(h.encoding()).isEqualTo("listpack");
        h.convertIfLonger(b("x".repeat(65)), 64);
        assertThat(h.encoding()).isEqualTo("hashtable");
        for (int i = 0; i < 5; i++) h.delete(b("f" + i));
        assertThat(h.size()).isZero();
        assertThat(h.encoding()).isEqualTo("hashtable");
    }

    @Test
    void scanOfATableReturnsEveryFieldPresentThroughout() {
        HashValue h = HashValue.newTable();
        for (int i = 0; i < 1000; i++) h.set(b("f" + i), b("v"), 0, 64);
        Set<String> seen = new HashSet<>();
        long cursor = 0;
        int step = 0;
        do {
            cursor = h.scan(cursor, (f, v) -> seen.add(s(f)));
            // grow and shrink while scanning: fields 0..499 stay all along
            if (step++ == 3) for (int i = 1000; i < 3000; i++) h.set(b("f" + i), b("v"), 0, 64);
            if (step == 20) for (int i = 500; i < 3000; i++) h.delete(b("f" + i));
        } while (cursor != 0);
        for (int i = 0; i < 500; i++) assertThat(seen).contains("f" + i);
    }
}
