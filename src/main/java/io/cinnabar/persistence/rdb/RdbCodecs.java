package io.cinnabar.persistence.rdb;

import java.util.List;

/** Every value codec, in one list: adding a type to persistence means adding its codec here. */
public final class RdbCodecs {
    private RdbCodecs() {}

    static final List<RdbTypeCodec> ALL = List.of(new StringCodec(), new ListCodec(), new HashCodec(), new SetCodec(),
            new ZSetCodec(), new StreamCodec());

    static RdbTypeCodec forValue(Object v) {
        for (RdbTypeCodec c : ALL) if (c.handles(v)) return c;
        throw new IllegalStateException("no RDB codec for " + v.getClass().getSimpleName());
    }

    static RdbTypeCodec forType(int rdbType) {
        for (RdbTypeCodec c : ALL) if (c.reads(rdbType)) return c;
        return null;
    }
}
