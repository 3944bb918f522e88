package io.cinnabar.persistence.rdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CodecTest {
    @Test void crc64CheckValue() {
        assertThat(Crc64.of("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0xe9c6d914c4b8d9caL);
    }

    @Test void lzfRoundTripsRandomAndRepetitiveData() {
        Random rnd = new Random(7);
        for (int round = 0; round < 300; round++) {
            int n = rnd.nextInt(5000) + 1;
            byte[] in = new byte[n];
            int alphabet = 1 + rnd.nextInt(round % 3 == 0 ? 256 : 4);
            for (int i = 0; i < n; i++) in[i] = (byte) rnd.nextInt(alphabet);
            byte[] out = new byte[n + 400];
            int len = Lzf.compress(in, n, out);
            assertThat(len).isPositive();
            assertThat(Lzf.decompress(out, len, n)).isEqualTo(in);
        }
    }

    @Test void lzfCompressesRepetition() {
        byte[] in = "abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabc".repeat(20).getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[in.length];
        int len = Lzf.compress(in, in.length, out);
        assertThat(len).isBetween(1, in.length / 5);
        assertThat(Lzf.decompress(out, len, in.length)).isEqualTo(in);
    }

    @Test void listpackRoundTripsStringsAndIntegers() {
        Random rnd = new Random(3);
        java.util.List<byte[]> elems = new java.util.ArrayList<>();
        long[] ints = {0, 127, 128, -1, -4096, 4095, 4096, -32768, 32767, 40000, -8388608, 8388607, 1L << 31,
            Long.MAX_VALUE, Long.MIN_VALUE};
        for (long v : ints) elems.add(Long.toString(v).getBytes(StandardCharsets.US_ASCII));
        for (int len : new int[] {0, 1, 63, 64, 4095, 4096, 20000}) {
            byte[] s = new byte[len];
            rnd.nextBytes(s);
            elems.add(s);
        }
        elems.add("007".getBytes(StandardCharsets.US_ASCII)); // not canonical: stays a string
        byte[] lp = Listpack.encode(elems);
        java.util.List<byte[]> back = Listpack.decode(lp);
        assertThat(back).hasSameSizeAs(elems);
        for (int i = 0; i < elems.size(); i++) assertThat(back.get(i)).as("element %d", i).isEqualTo(elems.get(i));
    }
}
