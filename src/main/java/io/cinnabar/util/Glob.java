package io.cinnabar.util;

/**
 * Redis' glob matcher (stringmatchlen): {@code *}, {@code ?}, {@code [abc]}, {@code [^a-z]},
 * and {@code \x} escapes, over bytes, optionally case-insensitive (ASCII). Used by KEYS, SCAN
 * MATCH, PSUBSCRIBE, CONFIG GET and ACL patterns.
 */
public final class Glob {
    private Glob() {}

    public static boolean match(byte[] pattern, byte[] string, boolean nocase) {
        return match(pattern, 0, pattern.length, string, 0, string.length, nocase, new boolean[1], 0);
    }

    public static boolean match(String pattern, String string, boolean nocase) {
        return match(pattern.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                string.getBytes(java.nio.charset.StandardCharsets.UTF_8), nocase);
    }

    /** True when the pattern matches everything (lets KEYS/SCAN skip matching). */
    public static boolean matchesAll(byte[] pattern) {
        return pattern.length == 1 && pattern[0] == '*';
    }

    /**
     * @param skipLonger set when a '*' tried every suffix without a match: then no outer '*' can
     *     succeed with a shorter suffix either (Redis' skipLongerMatches), which keeps patterns
     *     like "a*a*a*b" linear instead of exponential.
     */
    private static boolean match(byte[] p, int pi, int plen, byte[] s, int si, int slen, boolean nocase,
            boolean[] skipLonger, int nesting) {
        // Redis limits recursion to protect the stack from patterns like "*a*a*a*a..."
        if (nesting > 1000) return false;
        while (pi < plen && si < slen) {
            byte pc = p[pi];
            switch (pc) {
                case '*': {
                    while (pi + 1 < plen && p[pi + 1] == '*') pi++;
                    if (pi + 1 == plen) return true;
                    for (int k = si; k < slen; k++) {
                        if (match(p, pi + 1, plen, s, k, slen, nocase, skipLonger, nesting + 1)) return true;
                        if (skipLonger[0]) return false;
                    }
                    skipLonger[0] = true;
                    return false;
                }
                case '?':
                    si++;
                    break;
                case '[': {
                    pi++;
                    boolean not = pi < plen && p[pi] == '^';
                    if (not) pi++;
                    boolean matched = false;
                    while (true) {
                        if (pi < plen && p[pi] == '\\' && pi + 1 < plen) {
                            pi++;
                            if (eq(p[pi], s[si], nocase)) matched = true;
                        } else if (pi >= plen) {
                            pi--; // unterminated class: Redis treats the end as closing it
                            break;
                        } else if (p[pi] == ']') {
                            break;
                        } else if (pi + 2 < plen && p[pi + 1] == '-') {
                            int start = p[pi] & 0xff;
                            int end = p[pi + 2] & 0xff;
                            int c = s[si] & 0xff;
                            if (start > end) {
                                int t = start;
                                start = end;
                                end = t;
                            }
                            if (nocase) {
                                start = lower(start);
                                end = lower(end);
                                c = lower(c);
                            }
                            pi += 2;
                            if (c >= start && c <= end) matched = true;
                        } else {
                            if (eq(p[pi], s[si], nocase)) matched = true;
                        }
                        pi++;
                    }
                    if (not) matched = !matched;
                    if (!matched) return false;
                    si++;
                    break;
                }
                case '\\':
                    if (pi + 1 < plen) pi++;
                    // fall through: literal match of the escaped byte
                default:
                    if (!eq(p[pi], s[si], nocase)) return false;
                    si++;
                    break;
            }
            pi++;
            if (si == slen) {
                while (pi < plen && p[pi] == '*') pi++;
                break;
            }
        }
        return pi == plen && si == slen;
    }

    private static boolean eq(byte a, byte b, boolean nocase) {
        if (a == b) return true;
        return nocase && lower(a & 0xff) == lower(b & 0xff);
    }

    private static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }
}
