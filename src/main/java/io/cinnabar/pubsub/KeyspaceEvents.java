package io.cinnabar.pubsub;

import io.cinnabar.command.KeyEvent;
import io.cinnabar.command.KeyspaceNotifier;
import io.cinnabar.config.Config;
import io.cinnabar.util.Numbers;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Keyspace notifications (Redis' notify.c): for each event of an enabled class, publishes
 * {@code __keyspace@<db>__:<key>} → event when 'K' is set and {@code __keyevent@<db>__:<event>}
 * → key when 'E' is set, through the ordinary pub/sub path. The classes come from
 * notify-keyspace-events, re-read whenever it changes.
 */
public final class KeyspaceEvents implements KeyspaceNotifier {
    /** Redis' NOTIFY_ALL: 'A' = g$lshzxetd (not m, not n). */
    static final int ALL = KeyEvent.GENERIC | KeyEvent.STRING | KeyEvent.LIST | KeyEvent.SET | KeyEvent.HASH
            | KeyEvent.ZSET | KeyEvent.EXPIRED | KeyEvent.EVICTED | KeyEvent.STREAM | KeyEvent.MODULE;
    private static final byte[] KEYSPACE = "__keyspace@".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEYEVENT = "__keyevent@".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEP = "__:".getBytes(StandardCharsets.US_ASCII);

    private final PubSub pubsub;
    private final Map<String, byte[]> eventNames = new HashMap<>();
    private int flags;

    public KeyspaceEvents(Config config, PubSub pubsub) {
        this.pubsub = pubsub;
        this.flags = parse(config.get("notify-keyspace-events"));
        config.onChange("notify-keyspace-events", p -> flags = parse(p.value()));
    }

    /** keyspaceEventsStringToFlags (the value was validated by the config already). */
    static int parse(String classes) {
        int f = 0;
        for (int i = 0; i < classes.length(); i++) {
            switch (classes.charAt(i)) {
                case 'A': f |= ALL; break;
                case 'g': f |= KeyEvent.GENERIC; break;
                case '$': f |= KeyEvent.STRING; break;
                case 'l': f |= KeyEvent.LIST; break;
                case 's': f |= KeyEvent.SET; break;
                case 'h': f |= KeyEvent.HASH; break;
                case 'z': f |= KeyEvent.ZSET; break;
                case 'x': f |= KeyEvent.EXPIRED; break;
                case 'e': f |= KeyEvent.EVICTED; break;
                case 'K': f |= KeyEvent.KEYSPACE; break;
                case 'E': f |= KeyEvent.KEYEVENT; break;
                case 't': f |= KeyEvent.STREAM; break;
                case 'm': f |= KeyEvent.KEY_MISS; break;
                case 'd': f |= KeyEvent.MODULE; break;
                case 'n': f |= KeyEvent.NEW; break;
                default: break;
            }
        }
        return f;
    }

    public int flags() {
        return flags;
    }

    @Override public boolean enabled(int type) {
        return (flags & type) != 0 && (flags & (KeyEvent.KEYSPACE | KeyEvent.KEYEVENT)) != 0;
    }

    @Override public void notify(int type, String event, byte[] key, int db) {
        if ((flags & type) == 0) return;
        byte[] ev = eventNames.computeIfAbsent(event, e -> e.getBytes(StandardCharsets.UTF_8));
        byte[] dbId = Numbers.longToBytes(db);
        if ((flags & KeyEvent.KEYSPACE) != 0) pubsub.publish(channel(KEYSPACE, dbId, key), ev, false);
        if ((flags & KeyEvent.KEYEVENT) != 0) pubsub.publish(channel(KEYEVENT, dbId, ev), key, false);
    }

    private static byte[] channel(byte[] prefix, byte[] db, byte[] suffix) {
        byte[] c = new byte[prefix.length + db.length + SEP.length + suffix.length];
        System.arraycopy(prefix, 0, c, 0, prefix.length);
        System.arraycopy(db, 0, c, prefix.length, db.length);
        System.arraycopy(SEP, 0, c, prefix.length + db.length, SEP.length);
        System.arraycopy(suffix, 0, c, prefix.length + db.length + SEP.length, suffix.length);
        return c;
    }
}
