package io.cinnabar.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cinnabar.error.Errors;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** INCRBYFLOAT's long double arithmetic; expected values are what redis-server 7.0 (x86-64) replies. */
class LongDoubleTest {
    private static String incr(String value, String by) {
        byte[] v = value == null ? null : value.getBytes(StandardCharsets.US_ASCII);
        return new String(LongDouble.incrBy(v, by.getBytes(StandardCharsets.US_ASCII)), StandardCharsets.US_ASCII);
    }

    @ParameterizedTest
    @CsvSource({
        "10.5, 0.1, 10.6",
        "0, 0.1, 0.1",
        "0.1, 0.2, 0.3",
        "-0.1, 0.1, 0",
        "5.0e3, 0, 5000",
        "0, 5.0e3, 5000",
        "1.5, -5.0e3, -4998.5",
        "0, 123456789012345678901234567890, 123456789012345678899921813504",
        "0, 3.0000000000000001, 3.0000000000000001",
        "0, -17179869184, -17179869184",
        "0, 99999999999999999999.99, 100000000000000000000",
        "0, 1e-20, 0",
        "0, 1e-17, 0.00000000000000001",
        "0, 0.000000000000000005, 0",
        "0, 0.000000000000000015, 0.00000000000000002",
        "0, -1.5, -1.5",
        "1, -1, 0",
        "-1, 0, -1",
        "0, 0x10, 16",
        "0, +7, 7",
        "0, 2.5e-5, 0.000025",
        "3.14159, 2.71828, 5.85987",
        "0, 18446744073709551617, 18446744073709551616",
        "0, 9223372036854775807, 9223372036854775807",
    })
    void matchesRedis(String value, String by, String expected) {
        assertThat(incr(value, by)).isEqualTo(expected);
    }

    @Test void missingValueCountsAsZero() {
        assertThat(incr(null, "1.25")).isEqualTo("1.25");
    }

    @Test void largeValuesPrintAllDigits() {
        String r = incr("0", "1e308");
        assertThat(r).hasSize(308).startsWith("99999999999999999996685879655845645660560099847415567207797047994921734868838061");
        String sum = incr("1e308", "1e308"); // beyond double, still finite as a long double
        assertThat(sum).hasSize(309).startsWith("19999999999999999999337175931169129132112019969483113441559409598984346973767612");
        assertThat(incr("0", "1e4000")).hasSize(4000)
                .startsWith("99999999999999999999654638730996237849324925835069576313015083330432619433063423");
    }

    @Test void infinityIsRefusedAfterParsing() {
        assertThatThrownBy(() -> incr("0", "inf")).isSameAs(Errors.NAN_OR_INF);
        assertThatThrownBy(() -> incr("inf", "-inf")).isSameAs(Errors.NAN_OR_INF);
        assertThatThrownBy(() -> incr("1e4932", "1e4932")).isSameAs(Errors.NAN_OR_INF);
        assertThatThrownBy(() -> incr("inf", "abc")).isSameAs(Errors.NOT_FLOAT);
    }

    @Test void invalidInput() {
        for (String bad : new String[] {"abc", "nan", "NaN", " 1", "1 ", "1e", "1e+", "", "-", ".", "1..2", "0x",
            "1e5000", "-1e5000", "1e-5000", "1.5.5"}) {
            assertThatThrownBy(() -> incr("0", bad)).as(bad).isSameAs(Errors.NOT_FLOAT);
        }
        assertThatThrownBy(() -> incr("0", "1".repeat(LongDouble.MAX_CHARS + 1))).isSameAs(Errors.NOT_FLOAT);
    }

    @Test void acceptsStrtoldForms() {
        assertThat(incr("0", ".5")).isEqualTo("0.5");
        assertThat(incr("0", "5.")).isEqualTo("5");
        assertThat(incr("0", "1E2")).isEqualTo("100");
        assertThat(incr("0", "0x1.8p1")).isEqualTo("3");
        assertThat(incr("0", "0e999999999999")).isEqualTo("0");
        assertThat(incr("0", "-0")).isEqualTo("0");
    }

    @Test void roundsToSixtyFourBitSignificand() {
        // 2^64 + 1 is not representable: ties to even gives 2^64
        assertThat(LongDouble.round(new BigDecimal("18446744073709551617"))).isEqualTo(new BigDecimal("18446744073709551616"));
        // 2^64 + 3 rounds up to 2^64 + 4
        assertThat(LongDouble.round(new BigDecimal("18446744073709551619"))).isEqualTo(new BigDecimal("18446744073709551620"));
        // 2^63 + 1 fits exactly in 64 bits
        assertThat(LongDouble.round(new BigDecimal("9223372036854775809"))).isEqualTo(new BigDecimal("9223372036854775809"));
        assertThat(LongDouble.round(new BigDecimal("0.1")).toString()).startsWith("0.1000000000000000000013552527156");
    }

    @Test void formatStripsZeros() {
        assertThat(LongDouble.format(new BigDecimal("1.50000"))).isEqualTo("1.5");
        assertThat(LongDouble.format(new BigDecimal("100"))).isEqualTo("100");
        assertThat(LongDouble.format(new BigDecimal("-0.000000000000000001"))).isEqualTo("0");
        assertThat(LongDouble.format(new BigDecimal("0.000000000000000025"))).isEqualTo("0.00000000000000002");
    }
}
