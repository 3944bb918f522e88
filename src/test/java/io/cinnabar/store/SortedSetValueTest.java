package io.cinnabar.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** SortedSetValue in both encodings (and across the conversion) against a TreeSet + HashMap model. */
class SortedSetValueTest {
    record E(double score, String member) {}

    static final Comparator<E> ORDER = Comparator.comparingDouble(E::score).thenComparing(E::member);

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static final class Model {
        final TreeSet<E> order = new TreeSet<>(ORDER);
        final Map<String, Double> scores = new HashMap<>();

        List<E> list() {
            return new ArrayList<>(order);
        }

        void put(String m, double s) {
            Double old = scores.put(m, s);
            if (old != null) order.remove(new E(old, m));
            order.add(new E(s, m));
        }

        boolean remove(String m) {
            Double old = scores.remove(m);
            if (old == null) return false;
            order.remove(new E(old, m));
            return true;
        }
    }

    /** maxEntries: 0 = skiplist from the start, 1000 = listpack throughout, 40 = converts midway. */
    @ParameterizedTest
    @ValueSource(longs = {0, 40, 1000})
    void randomOperationsMatchModel(long maxEntries) {
        Random rnd = new Random(42 + maxEntries);
        SortedSetValue z = maxEntries == 0 ? SortedSetValue.skiplist() : SortedSetValue.listpack();
        Model m = new Model();
        double[] out = new double[1];
        for (int op = 0; op < 20_000; op++) {
            String member = "m" + rnd.nextInt(120);
            double score = rnd.nextInt(8) == 0 ? rnd.nextGaussian() : rnd.nextInt(20);
            int kind = rnd.nextInt(10);
            if (kind < 4) {
                int flags = 0;
                switch (rnd.nextInt(6)) {
                    case 1: flags = SortedSetValue.NX; break;
                    case 2: flags = SortedSetValue.XX; break;
                    case 3: flags = SortedSetValue.GT; break;
                    case 4: flags = SortedSetValue.LT | SortedSetValue.XX; break;
                    case 5: flags = SortedSetValue.INCR; break;
                    default:
                }
                Double cur = m.scores.get(member);
                int r = z.add(score, b(member), flags, maxEntries, 64, out);
                boolean nx = (flags & SortedSetValue.NX) != 0, xx = (flags & SortedSetValue.XX) != 0;
                boolean gt = (flags & SortedSetValue.GT) != 0, lt = (flags & SortedSetValue.LT) != 0;
                if (cur == null) {
                    if (xx) assertThat(r).isEqualTo(SortedSetValue.NOP);
                    else {
                        assertThat(r).isEqualTo(SortedSetValue.ADDED);
                        m.put(member, score);
                    }
                } else if (nx) {
                    assertThat(r).isEqualTo(SortedSetValue.NOP);
                } else {
                    double ns = (flags & SortedSetValue.INCR) != 0 ? cur + score : score;
                    if ((gt && ns <= cur) || (lt && ns >= cur)) assertThat(r).isEqualTo(SortedSetValue.NOP);
                    else {
                        assertThat(r).isEqualTo(ns != cur ? SortedSetValue.UPDATED : 0);
                        assertThat(out[0]).isEqualTo(ns);
                        m.put(member, ns);
                    }
                }
            } else if (kind < 6) {
                assertThat(z.remove(b(member))).isEqualTo(m.remove(member));
            } else if (kind < 7 && z.length() > 0) {
                List<E> l = m.list();
                int from = rnd.nextInt(l.size());
                int to = Math.min(l.size() - 1, from + rnd.nextInt(5));
                z.removeRange(from, to);
                for (int i = from; i <= to; i++) m.remove(l.get(i).member());
            } else {
                checkQueries(z, m, rnd);
            }
            assertThat(z.length()).isEqualTo(m.scores.size());
            if (maxEntries == 40 && z.length() > 40) assertThat(z.encoding()).isEqualTo("skiplist");
        }
        checkAll(z, m);
        checkAll(z.copy(), m);
    }

    private static void checkQueries(SortedSetValue z, Model m, Random rnd) {
        List<E> l = m.list();
        String member = "m" + rnd.nextInt(120);
        Double s = m.scores.get(member);
        assertThat((Double) z.score(b(member))).isEqualTo(s == null ? (Double) Double.NaN : s);
        int rank = s == null ? -1 : l.indexOf(new E(s, member));
        assertThat(z.rank(b(member))).isEqualTo(rank);
        double min = rnd.nextInt(22) - 1, max = min + rnd.nextInt(6);
        boolean minEx = rnd.nextBoolean(), maxEx = rnd.nextBoolean();
        int below = 0, upTo = 0;
        for (E e : l) {
            if (minEx ? e.score() <= min : e.score() < min) below++;
            if (maxEx ? e.score() < max : e.score() <= max) upTo++;
        }
        assertThat(z.countBelow(min, minEx)).isEqualTo(below);
        assertThat(z.countUpTo(max, maxEx)).isEqualTo(upTo);
        if (!l.isEmpty()) {
            int from = rnd.nextInt(l.size());
            int to = Math.min(l.size() - 1, from + rnd.nextInt(10));
            boolean rev = rnd.nextBoolean();
            List<E> got = new ArrayList<>();
            z.forRange(from, to, rev, (mm, sc) -> got.add(new E(sc, new String(mm, StandardCharsets.UTF_8))));
            List<E> want = new ArrayList<>(l.subList(from, to + 1));
            if (rev) java.util.Collections.reverse(want);
            assertThat(got).isEqualTo(want);
            int r = rnd.nextInt(l.size());
            assertThat(new String(z.memberAt(r), StandardCharsets.UTF_8)).isEqualTo(l.get(r).member());
            assertThat(z.scoreAt(r)).isEqualTo(l.get(r).score());
        }
    }

    private static void checkAll(SortedSetValue z, Model m) {
        List<E> got = new ArrayList<>();
        z.forEach((mm, sc) -> got.add(new E(sc, new String(mm, StandardCharsets.UTF_8))));
        assertThat(got).isEqualTo(m.list());
        for (int i = 0; i < got.size(); i++) assertThat(z.rank(b(got.get(i).member()))).isEqualTo(i);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void lexBoundsOnEqualScores(boolean listpack) {
        Random rnd = new Random(7);
        SortedSetValue z = listpack ? SortedSetValue.listpack() : SortedSetValue.skiplist();
        TreeSet<String> model = new TreeSet<>();
        for (int i = 0; i < 100; i++) {
            String m = Integer.toString(rnd.nextInt(300), 36);
            if (model.add(m)) z.add(0, b(m), 0, 1000, 64, null);
        }
        List<String> l = new ArrayList<>(model);
        for (int q = 0; q < 2000; q++) {
            LexBound min = bound(rnd), max = bound(rnd);
            int below = 0, upTo = 0;
            for (String s : l) {
                if (!min.gteMin(b(s))) below++;
                if (max.lteMax(b(s))) upTo++;
            }
            assertThat(z.lexCountBelow(min)).isEqualTo(below);
            assertThat(z.lexCountUpTo(max)).isEqualTo(upTo);
        }
    }

    private static LexBound bound(Random rnd) {
        int k = rnd.nextInt(10);
        if (k == 0) return LexBound.MIN;
        if (k == 1) return LexBound.MAX;
        return LexBound.of(b(Integer.toString(rnd.nextInt(300), 36)), rnd.nextBoolean());
    }

    @Test void conversionKeepsOrderAndBackToListpack() {
        SortedSetValue z = SortedSetValue.listpack();
        for (int i = 0; i < 10; i++) z.add(10 - i, b("k" + i), 0, 5, 64, null);
        assertThat(z.encoding()).isEqualTo("skiplist");
        z.convertToListpackIfFits(2, 10, 64);
        assertThat(z.encoding()).isEqualTo("listpack");
        assertThat(new String(z.memberAt(0), StandardCharsets.UTF_8)).isEqualTo("k9");
        SortedSetValue big = SortedSetValue.listpack();
        big.add(1, new byte[65], 0, 128, 64, null);
        assertThat(big.encoding()).isEqualTo("skiplist");
    }
}
