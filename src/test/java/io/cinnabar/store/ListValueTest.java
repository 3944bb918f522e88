package io.cinnabar.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** ListValue against a java.util.ArrayList model, with many random operations. */
class ListValueTest {
    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static void assertSame(ListValue l, List<String> model) {
        assertThat(l.size()).isEqualTo(model.size());
        List<String> got = new ArrayList<>();
        l.forEach(e -> got.add(new String(e, StandardCharsets.UTF_8)));
        assertThat(got).isEqualTo(model);
        byte[][] arr = l.toArray();
        for (int i = 0; i < arr.length; i++) assertThat(arr[i]).isEqualTo(l.get(i));
    }

    @Test void randomOperationsMatchTheModel() {
        for (long seed = 1; seed <= 20; seed++) {
            Random r = new Random(seed);
            ListValue l = new ListValue();
            List<String> m = new ArrayList<>();
            for (int op = 0; op < 5000; op++) {
                String v = Integer.toString(r.nextInt(20));
                switch (r.nextInt(12)) {
                    case 0, 1 -> { l.pushHead(b(v)); m.add(0, v); }
                    case 2, 3 -> { l.pushTail(b(v)); m.add(v); }
                    case 4 -> {
                        byte[] p = l.popHead();
                        if (m.isEmpty()) assertThat(p).isNull();
                        else assertThat(new String(p, StandardCharsets.UTF_8)).isEqualTo(m.remove(0));
                    }
                    case 5 -> {
                        byte[] p = l.popTail();
                        if (m.isEmpty()) assertThat(p).isNull();
                        else assertThat(new String(p, StandardCharsets.UTF_8)).isEqualTo(m.remove(m.size() - 1));
                    }
                    case 6 -> {
                        int i = r.nextInt(m.size() + 1);
                        l.insert(i, b(v));
                        m.add(i, v);
                    }
                    case 7 -> {
                        if (!m.isEmpty()) {
                            int i = r.nextInt(m.size());
                            assertThat(new String(l.remove(i), StandardCharsets.UTF_8)).isEqualTo(m.remove(i));
                        }
                    }
                    case 8 -> {
                        if (!m.isEmpty()) {
                            int i = r.nextInt(m.size());
                            l.set(i, b(v));
                            m.set(i, v);
                        }
                    }
                    case 9 -> {
                        long count = r.nextInt(4);
                        boolean fromTail = r.nextBoolean();
                        int removed = l.removeMatching(b(v), count, fromTail);
                        int expected = 0;
                        if (!fromTail) {
                            for (int i = 0; i < m.size() && (count == 0 || expected < count); ) {
                                if (m.get(i).equals(v)) { m.remove(i); expected++; } else i++;
                            }
                        } else {
                            for (int i = m.size() - 1; i >= 0 && (count == 0 || expected < count); i--) {
                                if (m.get(i).equals(v)) { m.remove(i); expected++; }
                            }
                        }
                        assertThat(removed).isEqualTo(expected);
                    }
                    case 10 -> {
                        if (r.nextInt(10) == 0 && !m.isEmpty()) {
                            int s = r.nextInt(m.size());
                            int e = s + r.nextInt(m.size() - s);
                            l.retain(s, e);
                            List<String> keep = new ArrayList<>(m.subList(s, e + 1));
                            m.clear();
                            m.addAll(keep);
                        }
                    }
                    default -> {
                        assertThat(l.indexOf(b(v))).isEqualTo(m.indexOf(v));
                        if (!m.isEmpty()) {
                            assertThat(new String(l.first(), StandardCharsets.UTF_8)).isEqualTo(m.get(0));
                            assertThat(new String(l.last(), StandardCharsets.UTF_8)).isEqualTo(m.get(m.size() - 1));
                        }
                    }
                }
                if (op % 97 == 0) assertSame(l, m);
            }
            assertSame(l, m);
            ListValue c = l.copy();
            assertSame(c, m);
            if (!m.isEmpty()) {
                c.set(0, b("changed"));
                assertSame(l, m); // the copy shares nothing mutable
            }
        }
    }

    @Test void growsAndShrinksAcrossTheRingBoundary() {
        ListValue l = new ListValue();
        List<String> m = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            if (i % 3 == 0) { l.pushHead(b("h" + i)); m.add(0, "h" + i); }
            else { l.pushTail(b("t" + i)); m.add("t" + i); }
        }
        assertSame(l, m);
        while (m.size() > 3) {
            l.popHead();
            m.remove(0);
            l.popTail();
            m.remove(m.size() - 1);
        }
        assertSame(l, m);
        l.retain(5, 10);
        assertThat(l.isEmpty()).isTrue();
        assertThat(l.encoding()).isEqualTo("quicklist");
        assertThat(ListValue.of(b("a"), b("b")).toArray()).satisfies(a -> assertThat(Arrays.deepToString(
                new Object[] {new String(a[0]), new String(a[1])})).isEqualTo("[a, b]"));
    }
}
