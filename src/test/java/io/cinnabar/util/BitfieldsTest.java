package io.cinnabar.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** BITFIELD arithmetic against a BigInteger model of WRAP, SAT and FAIL. */
class BitfieldsTest {
    private final long[] limit = new long[1];

    @Test void getAndSetAtUnalignedOffsets() {
        byte[] p = new byte[16];
        Bitfields.set(p, 3, 13, 0x1ABC);
        assertThat(Bitfields.getUnsigned(p, p.length, 3, 13)).isEqualTo(0x1ABC);
        assertThat(Bitfields.getSigned(p, p.length, 3, 13)).isEqualTo(0x1ABC - (1 << 13));
        assertThat(p[0] & 0xFF).isEqualTo(0b000_11010);
        Bitfields.set(p, 64, 64, -2);
        assertThat(Bitfields.getSigned(p, p.length, 64, 64)).isEqualTo(-2);
        assertThat(Bitfields.getUnsigned(p, p.length, 64, 63)).isEqualTo(Long.MAX_VALUE);
        // bytes past the string's length read as zero
        assertThat(Bitfields.getUnsigned(p, 9, 64, 16)).isEqualTo(0xFF00);
    }

    @Test void examples() {
        assertThat(Bitfields.checkSignedOverflow(100, 100, 8, Bitfields.WRAP, limit)).isEqualTo(1);
        assertThat(limit[0]).isEqualTo(-56);
        assertThat(Bitfields.checkSignedOverflow(100, 100, 8, Bitfields.SAT, limit)).isEqualTo(1);
        assertThat(limit[0]).isEqualTo(127);
        assertThat(Bitfields.checkSignedOverflow(-100, -100, 8, Bitfields.SAT, limit)).isEqualTo(-1);
        assertThat(limit[0]).isEqualTo(-128);
        assertThat(Bitfields.checkUnsignedOverflow(250, 10, 8, Bitfields.WRAP, limit)).isEqualTo(1);
        assertThat(limit[0]).isEqualTo(4);
        assertThat(Bitfields.checkUnsignedOverflow(5, -10, 8, Bitfields.SAT, limit)).isEqualTo(-1);
        assertThat(limit[0]).isEqualTo(0);
        assertThat(Bitfields.checkUnsignedOverflow(-1, 0, 8, Bitfields.SAT, limit)).isEqualTo(1); // SET u8 -1
        assertThat(limit[0]).isEqualTo(255);
        assertThat(Bitfields.checkSignedOverflow(Long.MAX_VALUE, 1, 64, Bitfields.WRAP, limit)).isEqualTo(1);
        assertThat(limit[0]).isEqualTo(Long.MIN_VALUE);
        assertThat(Bitfields.checkSignedOverflow(Long.MIN_VALUE, -1, 64, Bitfields.SAT, limit)).isEqualTo(-1);
        assertThat(limit[0]).isEqualTo(Long.MIN_VALUE);
        assertThat(Bitfields.checkSignedOverflow(-5, 3, 64, Bitfields.FAIL, limit)).isZero();
    }

    @Test void incrByMatchesModel() {
        Random rnd = new Random(1);
        for (int i = 0; i < 20000; i++) {
            boolean signed = rnd.nextBoolean();
            int bits = 1 + rnd.nextInt(signed ? 64 : 63);
            BigInteger min = signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
            BigInteger max = signed ? BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE)
                    : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
            BigInteger span = max.subtract(min).add(BigInteger.ONE);
            long value = new BigInteger(bits, rnd).mod(span).add(min).longValue();
            long incr = rnd.nextLong() >> rnd.nextInt(64);
            int ow = rnd.nextInt(3);
            BigInteger sum = BigInteger.valueOf(value).add(BigInteger.valueOf(incr));
            int expected = sum.compareTo(max) > 0 ? 1 : sum.compareTo(min) < 0 ? -1 : 0;
            int got = signed ? Bitfields.checkSignedOverflow(value, incr, bits, ow, limit)
                    : Bitfields.checkUnsignedOverflow(value, incr, bits, ow, limit);
            assertThat(got).as("%s%d %d + %d", signed ? "i" : "u", bits, value, incr).isEqualTo(expected);
            if (got != 0 && ow == Bitfields.WRAP) {
                assertThat(BigInteger.valueOf(limit[0])).isEqualTo(sum.subtract(min).mod(span).add(min));
            } else if (got != 0 && ow == Bitfields.SAT) {
                assertThat(BigInteger.valueOf(limit[0])).isEqualTo(got > 0 ? max : min);
            }
        }
    }
}
