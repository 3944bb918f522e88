package io.cinnabar.acl;

import io.cinnabar.resp.RespOut;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;

/**
 * The ACL security log (ACL LOG): newest first, similar events within a minute grouped into one
 * entry with a count, trimmed to acllog-max-len (acl.c's addACLLogEntry).
 */
final class AclLog {
    static final int REASON_COMMAND = 0, REASON_KEY = 1, REASON_CHANNEL = 2, REASON_AUTH = 3;
    static final int CONTEXT_TOPLEVEL = 0, CONTEXT_MULTI = 1, CONTEXT_LUA = 2;
    private static final String[] REASONS = {"command", "key", "channel", "auth"};
    private static final String[] CONTEXTS = {"toplevel", "multi", "lua"};
    private static final long GROUPING_MAX_DELTA_MS = 60000;

    private static final class Entry {
        long count = 1;
        final int reason;
        final int context;
        final byte[] object;
        final String username;
        long ctime;
        String clientInfo;

        Entry(int reason, int context, byte[] object, String username, long ctime, String clientInfo) {
            this.reason = reason;
            this.context = context;
            this.object = object;
            this.username = username;
            this.ctime = ctime;
            this.clientInfo = clientInfo;
        }

        boolean matches(Entry o) {
            return reason == o.reason && context == o.context && Math.abs(ctime - o.ctime) <= GROUPING_MAX_DELTA_MS
                    && java.util.Arrays.equals(object, o.object) && username.equals(o.username);
        }
    }

    private final LinkedList<Entry> entries = new LinkedList<>();

    void add(int reason, int context, byte[] object, String username, long now, String clientInfo, long maxLen) {
        Entry e = new Entry(reason, context, object, username, now, clientInfo);
        int toscan = 10;
        for (Iterator<Entry> it = entries.iterator(); toscan-- > 0 && it.hasNext();) {
            Entry cur = it.next();
            if (cur.matches(e)) {
                it.remove();
                cur.clientInfo = clientInfo;
                cur.ctime = now;
                cur.count++;
                entries.addFirst(cur);
                return;
            }
        }
        entries.addFirst(e);
        while (entries.size() > maxLen) entries.removeLast();
    }

    void reset() {
        entries.clear();
    }

    void reply(RespOut out, long count, long now) {
        count = Math.max(0, Math.min(count, entries.size()));
        out.arrayHeader(count);
        List<Entry> shown = new ArrayList<>(entries.subList(0, (int) count));
        for (Entry e : shown) {
            out.mapHeader(7);
            out.bulk("count");
            out.integer(e.count);
            out.bulk("reason");
            out.bulk(REASONS[e.reason]);
            out.bulk("context");
            out.bulk(CONTEXTS[e.context]);
            out.bulk("object");
            out.bulk(e.object);
            out.bulk("username");
            out.bulk(Latin1.bytes(e.username));
            out.bulk("age-seconds");
            out.doubleValue((now - e.ctime) / 1000.0);
            out.bulk("client-info");
            out.bulk(e.clientInfo);
        }
    }
}
