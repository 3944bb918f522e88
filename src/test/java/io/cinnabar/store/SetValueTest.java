package io.cinnabar.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SetValueTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static List<String> members(SetValue v) {
        List<String> out = new ArrayList<>();
        v.forEach(m -> out.add(s(m)));
        return out;
    }

    /** Mostly integers (some not canonical, like "007" or "+1"), sometimes words. */
    private static String member(Random rnd, int space) {
        int k = rnd.nextInt(100);
        if (k < 3) return "w" + rnd.nextInt(space);
        if (k < 5) return "0" + rnd.nextInt(space);
        if (k < 6) return "+" + rnd.nextInt(space);
        if (k < 7) return rnd.nextBoolean() ? "9223372036854775807" : "-9223372036854775808";
        return Integer.toString(rnd.nextInt(space) - space / 2);
    }

    @Test
    void randomOperationsMatchASetAcrossTheConversion() {
        Random rnd = new Random(7);
        for (int round = 0; round < 30; round++) {
            int maxIntset = 1 + rnd.nextInt(60);
            int space = 10 + rnd.nextInt(200);
            String first = member(rnd, space);
            SetValue v = SetValue.createFor(b(first));
            assertThat(v.isIntset()).isEqualTo(!first.startsWith("w") && !first.startsWith("0") && !first.startsWith("+")
                    || first.equals("0"));
            Set<String> model = new HashSet<>();
            for (int op = 0; op < 2000; op++) {
                String m = member(rnd, space);
                switch (rnd.nextInt(6)) {
                    case 0, 1 -> assertThat(v.add(b(m), maxIntset)).isEqualTo(model.add(m));
                    case 2 -> assertThat(v.remove(b(m))).isEqualTo(model.remove(m));
                    case 3 -> assertThat(v.contains(b(m))).isEqualTo(model.contains(m));
                    case 4 -> {
                        byte[] r = v.random();
                        if (model.isEmpty()) assertThat(r).isNull();
                        else assertThat(model).contains(s(r));
                    }
                    default -> {
                        if (rnd.nextInt(10) == 0) {
                            byte[] p = v.pop();
                            if (model.isEmpty()) assertThat(p).isNull();
                            else assertThat(model.remove(s(p))).isTrue();
                        }
                    }
                }
                assertThat(v.size()).isEqualTo(model.size());
                if (v.isIntset()) {
                    assertThat(v.size()).isLessThanOrEqualTo(maxIntset);
                    List<String> ms = members(v);
                    List<Long> sorted = new ArrayList<>(new TreeSet<>(ms.stream().map(Long::parseLong).toList()));
                    assertThat(ms).isEqualTo(sorted.stream().map(String::valueOf).toList());
                }
            }
            assertThat(new HashSet<>(members(v))).isEqualTo(model);
            assertThat(new HashSet<>(members(v.copy()))).isEqualTo(model);
        }
    }

    @Test
    void encodingsFollowRedis() {
        SetValue v = SetValue.createFor(b("1"));
        assertThat(v.encoding()).isEqualTo("intset");
        v.add(b("1"), 512);
        v.add(b("2"), 512);
        assertThat(v.encoding()).isEqualTo("intset");
        v.add(b("a"), 512);
        assertThat(v.encoding()).isEqualTo("hashtable");
        v.remove(b("a"));
        assertThat(v.encoding()).isEqualTo("hashtable"); // one way
        SetValue w = SetValue.createFor(b("1"));
        for (int i = 0; i < 3; i++) w.add(b(Integer.toString(i)), 2);
        assertThat(w.encoding()).isEqualTo("hashtable");
        assertThat(SetValue.createFor(b("01")).encoding()).isEqualTo("hashtable");
    }

    @Test
    void scanOfAnIntsetIsOneCall() {
        SetValue v = SetValue.newIntset();
        for (int i = 0; i < 100; i++) v.add(b(Integer.toString(i)), 512);
        List<String> seen = new ArrayList<>();
        assertThat(v.scan(0, m -> seen.add(s(m)))).isZero();
        assertThat(seen).hasSize(100);
    }
}
