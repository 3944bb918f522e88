package io.cinnabar.persistence.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.cinnabar.config.Config;
import io.cinnabar.persistence.rdb.Crc64;
import io.cinnabar.persistence.rdb.DumpPayload;
import io.cinnabar.persistence.rdb.RdbLoadOptions;
import io.cinnabar.persistence.rdb.RdbLoader;
import io.cinnabar.store.Database;
import io.cinnabar.store.KeyEntry;
import io.cinnabar.time.Clock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;

/** Test helper: an RDB image as a comparable model (db → key → TTL and DUMP payload). */
final class SnapshotImages {
    private SnapshotImages() {}

    /** db:key → "expireAt:" + CRC64 of the DUMP payload. Loading refuses duplicate keys, so each key was written once. */
    static Map<String, String> model(InputStream rdb, Config config) throws IOException {
        Database[] dbs = RdbLoader.fresh(16, i -> new Database(i, Clock.system(), (d, e) -> { }));
        RdbLoader.load(rdb, dbs, 0, true, new RdbLoadOptions(config));
        Map<String, String> m = new TreeMap<>();
        for (Database db : dbs) {
            db.keys().forEach((KeyEntry e) -> m.put(db.id() + ":" + new String(e.key()),
                    e.expireAt() + ":" + Long.toHexString(Crc64.of(DumpPayload.create(e.value(), false)))));
        }
        return m;
    }

    static Map<String, String> model(byte[] rdb, Config config) throws IOException {
        return model(new ByteArrayInputStream(rdb), config);
    }

    static void assertSame(Map<String, String> actual, Map<String, String> expected) {
        java.util.Set<String> missing = new java.util.TreeSet<>(expected.keySet());
        missing.removeAll(actual.keySet());
        java.util.Set<String> extra = new java.util.TreeSet<>(actual.keySet());
        extra.removeAll(expected.keySet());
        java.util.Set<String> differ = new java.util.TreeSet<>();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            if (actual.containsKey(e.getKey()) && !actual.get(e.getKey()).equals(e.getValue())) differ.add(e.getKey());
        }
        assertThat(missing).as("keys missing from the image").isEmpty();
        assertThat(extra).as("keys that should not be in the image").isEmpty();
        assertThat(differ).as("keys with another value or TTL").isEmpty();
    }
}
