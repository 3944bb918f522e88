package io.cinnabar.acl;

import io.cinnabar.command.CommandEntry;
import io.cinnabar.command.CommandRegistry;
import io.cinnabar.command.KeyExtractor;
import java.util.List;

/**
 * The command table as ACLs see it (Redis' orig_commands): lookup by "name" or "container|sub",
 * iteration in registration order, and per command id whether it names keys and channels.
 */
final class AclTable {
    static final int CHANNELS_NONE = 0, CHANNELS_SUBSCRIBE = 1, CHANNELS_PSUBSCRIBE = 2, CHANNELS_PUBLISH = 3;

    private final CommandRegistry registry;
    private boolean[] hasKeys = new boolean[0];
    private byte[] channels = new byte[0];

    AclTable(CommandRegistry registry) {
        this.registry = registry;
        refresh();
    }

    /** Picks up commands registered since the last call. */
    void refresh() {
        int n = registry.idCount();
        if (n == hasKeys.length) return;
        hasKeys = new boolean[n];
        channels = new byte[n];
        for (int id = 0; id < n; id++) {
            CommandEntry e = registry.byId(id);
            hasKeys[id] = KeyExtractor.hasKeys(e.spec());
            channels[id] = (byte) channelKind(e.spec().fullName());
        }
    }

    /** getChannelsFromCommand's table: only the channels that PUBLISH/SUBSCRIBE checks look at. */
    private static int channelKind(String name) {
        switch (name) {
            case "subscribe": case "ssubscribe": return CHANNELS_SUBSCRIBE;
            case "psubscribe": return CHANNELS_PSUBSCRIBE;
            case "publish": case "spublish": return CHANNELS_PUBLISH;
            default: return CHANNELS_NONE;
        }
    }

    int idCount() {
        return registry.idCount();
    }

    CommandEntry byId(int id) {
        return registry.byId(id);
    }

    List<CommandEntry> topLevel() {
        return registry.all();
    }

    /** ACLLookupCommand: "name" or "container|sub", exactly one level, any case. */
    CommandEntry lookup(String fullName) {
        if (fullName.isEmpty()) return null;
        int bar = fullName.indexOf('|');
        if (bar >= 0 && fullName.indexOf('|', bar + 1) >= 0) return null;
        return registry.lookupFullName(fullName);
    }

    boolean hasKeys(int id) {
        return id < hasKeys.length && hasKeys[id];
    }

    int channelKind(int id) {
        return id < channels.length ? channels[id] : CHANNELS_NONE;
    }
}
