package io.cinnabar.command.strings;

import io.cinnabar.command.Ctx;
import io.cinnabar.store.MutableString;

/** Reply helpers shared by the string commands. */
public final class Strings {
    private Strings() {}

    /** Replies with a string value (either form), or null when absent; counts keyspace hits and misses. */
    public static void reply(Ctx ctx, Object v) {
        if (v == null) {
            ctx.server().stats().keyspaceMisses++;
            ctx.out().nullBulk();
        } else {
            ctx.server().stats().keyspaceHits++;
            if (v instanceof byte[] b) {
                ctx.out().bulk(b);
            } else {
                MutableString m = (MutableString) v;
                ctx.out().bulk(m.buf(), 0, m.length());
            }
        }
    }
}
