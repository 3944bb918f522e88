package io.cinnabar.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** LCS table walk: the string, its length and Redis' ranges. */
class LcsTest {
    private static Lcs lcs(String a, String b, long min) {
        byte[] x = a.getBytes(StandardCharsets.US_ASCII);
        byte[] y = b.getBytes(StandardCharsets.US_ASCII);
        return Lcs.compute(x, x.length, y, y.length, true, min);
    }

    @Test void redisDocExample() {
        Lcs r = lcs("ohmytext", "mynewtext", 0);
        assertThat(new String(r.string, StandardCharsets.US_ASCII)).isEqualTo("mytext");
        assertThat(r.length).isEqualTo(6);
        assertThat(r.matches).containsExactly(new int[] {4, 7, 5, 8, 4}, new int[] {2, 3, 0, 1, 2});
        assertThat(lcs("ohmytext", "mynewtext", 4).matches).containsExactly(new int[] {4, 7, 5, 8, 4});
    }

    @Test void emptyAndDisjoint() {
        assertThat(lcs("", "abc", 0).length).isZero();
        assertThat(lcs("abc", "xyz", 0).matches).isEmpty();
        assertThat(lcs("abc", "xyz", 0).string).isEmpty();
    }

    @Test void lengthOnlySkipsTheWalk() {
        byte[] a = "ABCBDAB".getBytes(StandardCharsets.US_ASCII);
        byte[] b = "BDCABA".getBytes(StandardCharsets.US_ASCII);
        Lcs r = Lcs.compute(a, a.length, b, b.length, false, 0);
        assertThat(r.length).isEqualTo(4);
        assertThat(r.string).isNull();
    }

    /** The string found is a common subsequence of the right length, and the ranges spell it. */
    @Test void randomStringsAreConsistent() {
        Random rnd = new Random(3);
        for (int i = 0; i < 500; i++) {
            String a = random(rnd, rnd.nextInt(30));
            String b = random(rnd, rnd.nextInt(30));
            Lcs r = lcs(a, b, 0);
            String s = new String(r.string, StandardCharsets.US_ASCII);
            assertThat(s).hasSize(r.length);
            assertThat(isSubsequence(s, a) && isSubsequence(s, b)).isTrue();
            assertThat(r.length).isEqualTo(naiveLength(a, b));
            StringBuilder fromRanges = new StringBuilder();
            for (int k = r.matches.size() - 1; k >= 0; k--) {
                int[] m = r.matches.get(k);
                assertThat(a.substring(m[0], m[1] + 1)).isEqualTo(b.substring(m[2], m[3] + 1));
                fromRanges.append(a, m[0], m[1] + 1);
            }
            assertThat(fromRanges.toString()).isEqualTo(s);
        }
    }

    private static String random(Random rnd, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append((char) ('a' + rnd.nextInt(3)));
        return sb.toString();
    }

    private static boolean isSubsequence(String s, String t) {
        int j = 0;
        for (int i = 0; i < t.length() && j < s.length(); i++) if (t.charAt(i) == s.charAt(j)) j++;
        return j == s.length();
    }

    /** Memoized recursion over suffixes: an independent formulation of the same length. */
    private static int naiveLength(String a, String b) {
        Integer[][] memo = new Integer[a.length() + 1][b.length() + 1];
        return suffixLcs(a, b, 0, 0, memo);
    }

    private static int suffixLcs(String a, String b, int i, int j, Integer[][] memo) {
        if (i == a.length() || j == b.length()) return 0;
        if (memo[i][j] != null) return memo[i][j];
        int r = a.charAt(i) == b.charAt(j) ? 1 + suffixLcs(a, b, i + 1, j + 1, memo)
                : Math.max(suffixLcs(a, b, i + 1, j, memo), suffixLcs(a, b, i, j + 1, memo));
        memo[i][j] = r;
        return r;
    }
}
