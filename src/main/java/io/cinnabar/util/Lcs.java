package io.cinnabar.util;

import java.util.ArrayList;
import java.util.List;

/**
 * The longest common subsequence of two byte strings by the dynamic-programming table, walked back
 * as Redis' lcsCommand does, so the matched ranges come out in the same order (from the end) and
 * with the same tie-breaking.
 */
public final class Lcs {
    /** Length of the LCS. */
    public final int length;
    /** The LCS itself (null unless asked for). */
    public final byte[] string;
    /** Matched ranges, each {aStart, aEnd, bStart, bEnd, length}, last match first. */
    public final List<int[]> matches;

    private Lcs(int length, byte[] string, List<int[]> matches) {
        this.length = length;
        this.string = string;
        this.matches = matches;
    }

    /** Table size in bytes Redis would allocate (4 bytes a cell), for its proto-max-bulk-len check. */
    public static long tableBytes(int alen, int blen) {
        return (long) (alen + 1) * (blen + 1) * 4;
    }

    /**
     * @param walk whether to compute the string and the ranges (IDX or plain); false for LEN only
     * @param minMatchLen ranges shorter than this are left out of {@link #matches}
     */
    public static Lcs compute(byte[] a, int alen, byte[] b, int blen, boolean walk, long minMatchLen) {
        int w = blen + 1;
        int[] t = new int[(alen + 1) * w];
        for (int i = 1; i <= alen; i++) {
            int row = i * w;
            int prev = row - w;
            byte ai = a[i - 1];
            for (int j = 1; j <= blen; j++) {
                if (ai == b[j - 1]) t[row + j] = t[prev + j - 1] + 1;
                else t[row + j] = Math.max(t[prev + j], t[row + j - 1]);
            }
        }
        int len = t[alen * w + blen];
        if (!walk) return new Lcs(len, null, List.of());
        byte[] result = new byte[len];
        List<int[]> matches = new ArrayList<>();
        int idx = len;
        int i = alen;
        int j = blen;
        int aStart = alen; // alen: no range open
        int aEnd = 0;
        int bStart = 0;
        int bEnd = 0;
        while (i > 0 && j > 0) {
            boolean emit = false;
            if (a[i - 1] == b[j - 1]) {
                result[idx - 1] = a[i - 1];
                if (aStart == alen) {
                    aStart = aEnd = i - 1;
                    bStart = bEnd = j - 1;
                } else if (aStart == i && bStart == j) {
                    aStart--;
                    bStart--;
                } else {
                    emit = true;
                }
                if (aStart == 0 || bStart == 0) emit = true;
                idx--;
                i--;
                j--;
            } else {
                if (t[(i - 1) * w + j] > t[i * w + j - 1]) i--;
                else j--;
                if (aStart != alen) emit = true;
            }
            if (emit) {
                int matchLen = aEnd - aStart + 1;
                if (minMatchLen == 0 || matchLen >= minMatchLen) {
                    matches.add(new int[] {aStart, aEnd, bStart, bEnd, matchLen});
                }
                aStart = alen;
            }
        }
        return new Lcs(len, result, matches);
    }
}
