package io.cinnabar.acl;

import java.nio.charset.StandardCharsets;

/** ACL names, passwords and patterns are binary-safe strings: one char per byte. */
final class Latin1 {
    private Latin1() {}

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String str(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
