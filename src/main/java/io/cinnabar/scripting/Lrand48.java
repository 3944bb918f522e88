package io.cinnabar.scripting;

/**
 * Redis' redisLrand48/redisSrand48 (rand.c): the 48-bit linear congruential generator of
 * lrand48, so that math.random gives the same sequence as Redis for the same seed.
 */
final class Lrand48 {
    static final int MAX = Integer.MAX_VALUE;
    private long x = 0x1234ABCD330EL;

    int next() {
        x = (0x5DEECE66DL * x + 0xBL) & 0xFFFFFFFFFFFFL;
        return (int) (x >>> 17);
    }

    void seed(int seed) {
        x = ((seed & 0xFFFFFFFFL) << 16) | 0x330EL;
    }
}
