package io.cinnabar.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Dict against a HashMap model, and SCAN's guarantee across resizes. */
class DictTest {
    static final class Node extends DictEntry {
        int value;

        Node(String key, int value) {
            this(key.getBytes(StandardCharsets.UTF_8), value);
        }

        Node(byte[] key, int value) {
            super(key, Dict.hash(key));
            this.value = value;
        }

        String name() {
            return new String(key(), StandardCharsets.UTF_8);
        }
    }

    @Test void randomOperationsMatchAHashMap() {
        Random rnd = new Random(42);
        Dict<Node> dict = new Dict<>();
        Map<String, Integer> model = new HashMap<>();
        for (int op = 0; op < 200_000; op++) {
            String k = "k" + rnd.nextInt(op < 100_000 ? 5000 : 300); // grow, then shrink to a small key space
            switch (rnd.nextInt(6)) {
                case 0, 1 -> {
                    Node old = dict.put(new Node(k, op));
                    Integer m = model.put(k, op);
                    assertThat(old == null ? null : old.value).isEqualTo(m);
                }
                case 2, 3 -> {
                    Node removed = dict.remove(k.getBytes(StandardCharsets.UTF_8));
                    Integer m = model.remove(k);
                    assertThat(removed == null ? null : removed.value).isEqualTo(m);
                }
                case 4 -> {
                    Node n = dict.get(k.getBytes(StandardCharsets.UTF_8));
                    assertThat(n == null ? null : n.value).isEqualTo(model.get(k));
                }
                default -> {
                    if (rnd.nextInt(50) == 0) dict.shrinkIfNeeded();
                    if (rnd.nextInt(10) == 0) dict.rehash(rnd.nextInt(4) + 1);
                }
            }
            assertThat(dict.size()).isEqualTo(model.size());
        }
        Map<String, Integer> seen = new HashMap<>();
        dict.forEach(n -> assertThat(seen.put(n.name(), n.value)).isNull());
        assertThat(seen).isEqualTo(model);
    }

    @Test void scanReturnsEveryKeyPresentForTheWholeScanAcrossGrowthAndShrink() {
        Random rnd = new Random(7);
        for (int round = 0; round < 40; round++) {
            Dict<Node> dict = new Dict<>();
            int initial = 1 + rnd.nextInt(2000);
            for (int i = 0; i < initial; i++) dict.add(new Node("stable" + i, i));
            Set<String> stable = new HashSet<>();
            dict.forEach(n -> stable.add(n.name()));
            boolean grow = round % 2 == 0;
            int churn = 0;
            Set<String> returned = new HashSet<>();
            long cursor = 0;
            int calls = 0;
            do {
                cursor = dict.scan(cursor, n -> returned.add(n.name()));
                // between calls: make the table grow (incremental rehash in progress) or shrink
                if (grow && churn < 4 * initial) {
                    int n = rnd.nextInt(200);
                    for (int i = 0; i < n; i++) dict.add(new Node("extra" + churn++, 0));
                } else if (!grow) {
                    List<String> extras = new ArrayList<>();
                    int n = rnd.nextInt(100);
                    for (int i = 0; i < n; i++) {
                        extras.add("tmp" + churn);
                        dict.add(new Node("tmp" + churn++, 0));
                    }
                    for (String e : extras) dict.remove(e.getBytes(StandardCharsets.UTF_8));
                    dict.shrinkIfNeeded();
                }
                if (rnd.nextBoolean()) dict.rehash(rnd.nextInt(3));
                calls++;
            } while (cursor != 0 && calls < 100_000);
            assertThat(cursor).isZero();
            assertThat(returned).containsAll(stable);
        }
    }

    @Test void scanWhileShrinkingFromLargeTable() {
        Dict<Node> dict = new Dict<>();
        for (int i = 0; i < 10_000; i++) dict.add(new Node("k" + i, i));
        Set<String> keep = new HashSet<>();
        for (int i = 0; i < 10_000; i += 97) keep.add("k" + i);
        Set<String> returned = new HashSet<>();
        long cursor = 0;
        boolean deleted = false;
        do {
            cursor = dict.scan(cursor, n -> returned.add(n.name()));
            if (!deleted) { // delete almost everything after the first step: the table shrinks mid-scan
                for (int i = 0; i < 10_000; i++) if (!keep.contains("k" + i)) dict.remove(("k" + i).getBytes());
                dict.shrinkIfNeeded();
                deleted = true;
            }
            dict.rehash(1);
        } while (cursor != 0);
        assertThat(returned).containsAll(keep);
    }

    @Test void randomAndSampleReturnMembersAndReachAll() {
        Dict<Node> dict = new Dict<>();
        assertThat(dict.random()).isNull();
        assertThat(dict.sample(5, n -> { })).isZero();
        for (int i = 0; i < 100; i++) dict.add(new Node("k" + i, i));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 5000; i++) seen.add(dict.random().name());
        assertThat(seen).hasSize(100);
        // while rehashing too
        for (int i = 100; i < 200; i++) dict.add(new Node("k" + i, i));
        Set<String> sampled = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            List<String> batch = new ArrayList<>();
            int n = dict.sample(10, x -> batch.add(x.name()));
            assertThat(batch).hasSize(n);
            assertThat(n).isBetween(1, 10);
            sampled.addAll(batch);
        }
        assertThat(sampled).hasSize(200);
        assertThat(sampled).allMatch(k -> dict.contains(k.getBytes()));
    }

    @Test void visitBucketsAtWalksEveryEntryAndToleratesRemoval() {
        Dict<Node> dict = new Dict<>();
        for (int i = 0; i < 1000; i++) dict.add(new Node("k" + i, i));
        Set<String> seen = new HashSet<>();
        for (long c = 0; c < dict.buckets() * 2L; c++) {
            dict.visitBucketsAt(c, n -> {
                seen.add(n.name());
                if (n.value % 2 == 0) dict.remove(n.key());
            });
        }
        assertThat(seen).hasSize(1000);
        assertThat(dict.size()).isEqualTo(500);
    }
}
