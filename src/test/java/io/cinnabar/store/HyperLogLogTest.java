package io.cinnabar.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The HLL encodings against a plain register model, and vectors taken from redis-server 7.0.15. */
class HyperLogLogTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test void murmurMatchesRedisVectors() {
        // registers/run lengths observed through PFDEBUG DECODE on redis-server 7.0.15 for "a".."g"
        MutableString s = new MutableString(HyperLogLog.create(), 0);
        for (String e : new String[] {"a", "b", "c", "d", "e", "f", "g"}) HyperLogLog.add(s, b(e), 3000);
        assertThat(HyperLogLog.decode(s.buf(), s.length())).isEqualTo(
                "Z:1646 v:1,1 Z:5645 v:1,1 Z:1085 v:2,1 z:57 v:1,1 Z:4274 v:2,1 Z:2445 v:1,1 Z:622 v:1,1 Z:603");
        assertThat(HyperLogLog.count(s.buf(), s.length())).isEqualTo(7);
    }

    @Test void sparseAndDenseAgreeWithARegisterModel() {
        Random rnd = new Random(42);
        for (int round = 0; round < 12; round++) {
            MutableString sparse = new MutableString(HyperLogLog.create(), 0);
            MutableString dense = new MutableString(HyperLogLog.create(), 0);
            HyperLogLog.sparseToDense(dense);
            int[] model = new int[HyperLogLog.REGISTERS];
            int n = rnd.nextInt(4000);
            for (int i = 0; i < n; i++) {
                byte[] ele = b(Long.toString(rnd.nextLong()));
                int pl = HyperLogLog.patLen(ele, 0, ele.length);
                boolean raises = (pl & 0xff) > model[pl >>> 8];
                model[pl >>> 8] = Math.max(model[pl >>> 8], pl & 0xff);
                assertThat(HyperLogLog.add(sparse, ele, 3000)).isEqualTo(raises ? 1 : 0);
                assertThat(HyperLogLog.add(dense, ele, 3000)).isEqualTo(raises ? 1 : 0);
            }
            byte[] max = new byte[HyperLogLog.REGISTERS];
            assertThat(HyperLogLog.merge(max, sparse.buf(), sparse.length())).isTrue();
            byte[] want = new byte[HyperLogLog.REGISTERS];
            for (int i = 0; i < want.length; i++) want[i] = (byte) model[i];
            assertThat(java.util.Arrays.equals(max, want)).isTrue();
            assertThat(java.util.Arrays.equals(HyperLogLog.registers(dense.buf()), model)).isTrue();
            long c = HyperLogLog.count(dense.buf(), dense.length());
            assertThat(HyperLogLog.count(sparse.buf(), sparse.length())).isEqualTo(c);
            assertThat(HyperLogLog.countRaw(max)).isEqualTo(c);
            if (HyperLogLog.encoding(sparse.buf()) == HyperLogLog.SPARSE) {
                assertThat(sparse.length()).isLessThanOrEqualTo(3000);
                assertThat(HyperLogLog.sparseToDense(sparse)).isTrue();
            }
            // the dense path leaves the cache flag to PFADD; compare the registers
            assertThat(java.util.Arrays.equals(sparse.buf(), HyperLogLog.HDR, HyperLogLog.DENSE_SIZE, dense.buf(),
                    HyperLogLog.HDR, HyperLogLog.DENSE_SIZE)).isTrue();
        }
    }

    @Test void corruptValuesNeverLoopOrThrow() {
        Random rnd = new Random(7);
        for (int round = 0; round < 60; round++) {
            MutableString s = new MutableString(HyperLogLog.create(), 0);
            int n = rnd.nextInt(1500);
            for (int i = 0; i < n; i++) HyperLogLog.add(s, b(Double.toString(rnd.nextDouble())), 3000);
            for (int k = 0; k < 5; k++) {
                s.buf()[rnd.nextInt(s.length())] = (byte) rnd.nextInt(256);
                if (rnd.nextBoolean()) break;
            }
            if (!HyperLogLog.isValid(s.buf(), s.length())) continue;
            HyperLogLog.count(s.buf(), s.length());
            HyperLogLog.merge(new byte[HyperLogLog.REGISTERS], s.buf(), s.length());
            HyperLogLog.add(s, b("x" + round), 3000);
        }
    }

}
