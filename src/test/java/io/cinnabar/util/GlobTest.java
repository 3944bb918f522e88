package io.cinnabar.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GlobTest {
    @Test void starAndQuestion() {
        // as Redis: the loop never runs on an empty string, so even "*" does not match it
        assertThat(Glob.match("*", "", false)).isFalse();
        assertThat(Glob.match("h?llo", "hello", false)).isTrue();
        assertThat(Glob.match("h*llo", "heeeello", false)).isTrue();
        assertThat(Glob.match("h*llo", "hllo", false)).isTrue();
        assertThat(Glob.match("h*llo", "hlo", false)).isFalse();
        assertThat(Glob.match("a*", "", false)).isFalse();
        assertThat(Glob.match("foo*bar*", "foobar", false)).isTrue();
    }

    @Test void classes() {
        assertThat(Glob.match("h[ae]llo", "hallo", false)).isTrue();
        assertThat(Glob.match("h[ae]llo", "hillo", false)).isFalse();
        assertThat(Glob.match("h[^e]llo", "hallo", false)).isTrue();
        assertThat(Glob.match("h[^e]llo", "hello", false)).isFalse();
        assertThat(Glob.match("h[a-b]llo", "hbllo", false)).isTrue();
        assertThat(Glob.match("h[b-a]llo", "hallo", false)).isTrue();
        assertThat(Glob.match("[A-Z]", "q", true)).isTrue();
    }

    @Test void escapesAndCase() {
        assertThat(Glob.match("a\\*b", "a*b", false)).isTrue();
        assertThat(Glob.match("a\\*b", "axb", false)).isFalse();
        assertThat(Glob.match("HELLO", "hello", true)).isTrue();
        assertThat(Glob.match("HELLO", "hello", false)).isFalse();
    }

    @Test void pathologicalPatternTerminates() {
        String p = "a*".repeat(30) + "b";
        assertThat(Glob.match(p, "a".repeat(40), false)).isFalse();
    }
}
