package io.cinnabar.util;

import static org.assertj.core.api.Assertions.assertThat;

import io.cinnabar.error.Errors;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NumbersTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test void parsesIntegersLikeString2ll() {
        assertThat(Numbers.parseLongOr(b("0"), 7)).isEqualTo(0);
        assertThat(Numbers.parseLongOr(b("-12"), 7)).isEqualTo(-12);
        assertThat(Numbers.parseLongOr(b("9223372036854775807"), 7)).isEqualTo(Long.MAX_VALUE);
        assertThat(Numbers.parseLong(b("-9223372036854775808"), Errors.NOT_INTEGER)).isEqualTo(Long.MIN_VALUE);
        for (String bad : new String[] {"", "-", "+1", "01", " 1", "1 ", "1.0", "9223372036854775808", "-0", "1e3", "0x10"}) {
            assertThat(Numbers.isLong(b(bad))).as(bad).isFalse();
        }
    }

    @Test void formatsDoublesLikePercent17g() {
        assertThat(Numbers.formatG17(1.5)).isEqualTo("1.5");
        assertThat(Numbers.formatG17(0.1)).isEqualTo("0.10000000000000001");
        assertThat(Numbers.formatG17(3)).isEqualTo("3");
        assertThat(Numbers.formatG17(1e20)).isEqualTo("1e+20");
        assertThat(Numbers.formatG17(1e-5)).isEqualTo("1.0000000000000001e-05");
        assertThat(Numbers.formatG17(123456789012345678.0)).isEqualTo("1.2345678901234568e+17");
        assertThat(Numbers.formatG17(-2.5e-300)).isEqualTo("-2.5e-300");
        assertThat(Numbers.formatG17(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(Numbers.formatG17(-0.0)).isEqualTo("-0");
    }

    @Test void parsesDoublesStrictly() {
        assertThat(Numbers.parseDouble(b("1.5"))).isEqualTo(1.5);
        assertThat(Numbers.parseDouble(b("-inf"))).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Numbers.parseDouble(b("+Infinity"))).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Numbers.parseDouble(b(".5"))).isEqualTo(0.5);
        assertThat(Numbers.parseDouble(b("5."))).isEqualTo(5.0);
        assertThat(Numbers.parseDouble(b("1e3"))).isEqualTo(1000.0);
        for (String bad : new String[] {"", " 1", "1 ", "nan", "1e", "abc", "1.5f", "0x1p3", "1e400"}) {
            assertThat(Numbers.parseDouble(b(bad))).as(bad).isNaN();
        }
    }
}
