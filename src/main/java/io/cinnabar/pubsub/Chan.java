package io.cinnabar.pubsub;

import java.util.Arrays;

/** A channel or pattern name as a hash key (content equality, cached hash). */
final class Chan {
    final byte[] name;
    private final int hash;

    Chan(byte[] name) {
        this.name = name;
        this.hash = Arrays.hashCode(name);
    }

    @Override public boolean equals(Object o) {
        return o instanceof Chan c && c.hash == hash && Arrays.equals(c.name, name);
    }

    @Override public int hashCode() {
        return hash;
    }
}
