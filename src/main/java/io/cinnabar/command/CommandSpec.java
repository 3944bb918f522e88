package io.cinnabar.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A command's metadata, declared once next to its code and used by the dispatcher (arity, flags),
 * COMMAND INFO/DOCS/GETKEYS, MULTI, replicas, ACLs and propagation. The legacy first/last/step key
 * triple and the implicit ACL categories are derived as Redis derives them.
 */
public final class CommandSpec {
    private final String name;
    private final String fullName;
    private final String group;
    private final int arity;
    private final long flags;
    private final long acl;
    private final KeySpec[] keys;
    private final String summary;
    private final String since;
    private final String complexity;
    private final String[] tips;
    private final Map<String, Command> subcommands;
    private final int firstKey;
    private final int lastKey;
    private final int keyStep;

    private CommandSpec(Builder b) {
        this.name = b.name;
        this.fullName = b.parent == null ? b.name : b.parent + "|" + b.name;
        this.group = b.group;
        this.arity = b.arity;
        this.keys = b.keys.toArray(new KeySpec[0]);
        int[] legacy = legacyRange(keys);
        long f = b.flags;
        if (legacy[3] != 0) f |= CommandFlag.MOVABLE_KEYS;
        this.flags = f;
        this.acl = implicitAcl(b.acl, b.flags);
        this.summary = b.summary;
        this.since = b.since;
        this.complexity = b.complexity;
        this.tips = b.tips;
        this.subcommands = b.subcommands;
        this.firstKey = legacy[0];
        this.lastKey = legacy[1];
        this.keyStep = legacy[2];
    }

    public static Builder builder(String name, String group) {
        return new Builder(name, group);
    }

    /** setImplicitACLCategories: @write/@read/@fast/@slow/@admin/@pubsub/@blocking from the flags. */
    private static long implicitAcl(long acl, long flags) {
        if ((flags & CommandFlag.WRITE) != 0) acl |= AclCategory.WRITE;
        if ((flags & CommandFlag.READONLY) != 0 && (acl & AclCategory.SCRIPTING) == 0) acl |= AclCategory.READ;
        if ((flags & CommandFlag.ADMIN) != 0) acl |= AclCategory.ADMIN | AclCategory.DANGEROUS;
        if ((flags & CommandFlag.PUBSUB) != 0) acl |= AclCategory.PUBSUB;
        if ((flags & CommandFlag.FAST) != 0) acl |= AclCategory.FAST;
        if ((flags & CommandFlag.BLOCKING) != 0) acl |= AclCategory.BLOCKING;
        if ((acl & AclCategory.FAST) == 0) acl |= AclCategory.SLOW;
        return acl;
    }

    /**
     * populateCommandLegacyRangeSpec: the first/last/step triple from the plain index+range specs,
     * plus a fourth element, 1 when the keys are "movable" (a spec that isn't a consecutive plain
     * range, or an incomplete one).
     */
    private static int[] legacyRange(KeySpec[] keys) {
        if (keys.length == 0) return new int[] {0, 0, 0, 0};
        if (keys.length == 1 && isIndexRange(keys[0])) {
            KeySpec k = keys[0];
            int last = k.lastKey >= 0 ? k.beginIndex + k.lastKey : k.lastKey;
            return new int[] {k.beginIndex, last, k.step, (k.flags & KeySpec.INCOMPLETE) != 0 ? 1 : 0};
        }
        int first = Integer.MAX_VALUE, last = 0, prevLast = 0, movable = 0;
        for (KeySpec k : keys) {
            if (!isIndexRange(k) || k.step != 1 || (prevLast != 0 && prevLast != k.beginIndex - 1)) {
                movable = 1;
                continue;
            }
            if ((k.flags & KeySpec.INCOMPLETE) != 0) movable = 1;
            first = Math.min(first, k.beginIndex);
            int abs = k.lastKey >= 0 ? k.lastKey + k.beginIndex : k.lastKey;
            last = Integer.compareUnsigned(last, abs) >= 0 ? last : abs; // unsigned, as Redis: -1 wins
            prevLast = last;
        }
        if (first == Integer.MAX_VALUE) return new int[] {0, 0, 0, 1};
        return new int[] {first, last, 1, movable};
    }

    private static boolean isIndexRange(KeySpec k) {
        return !k.unknown && k.keyword == null && !k.keynum;
    }

    public String name() { return name; }
    public String fullName() { return fullName; }
    public String group() { return group; }
    public int arity() { return arity; }
    public long flags() { return flags; }
    public boolean has(long flag) { return (flags & flag) != 0; }
    public long acl() { return acl; }
    public KeySpec[] keys() { return keys; }
    public String summary() { return summary; }
    public String since() { return since; }
    public String complexity() { return complexity; }
    public String[] tips() { return tips; }
    public Map<String, Command> subcommands() { return subcommands; }
    public boolean isContainer() { return subcommands != null; }
    public int firstKey() { return firstKey; }
    public int lastKey() { return lastKey; }
    public int keyStep() { return keyStep; }
    public boolean isWrite() { return (flags & CommandFlag.WRITE) != 0; }

    /** True when argc satisfies the arity (positive: exact, negative: at least). */
    public boolean arityOk(int argc) {
        return arity > 0 ? argc == arity : argc >= -arity;
    }

    public static final class Builder {
        private final String name;
        private final String group;
        private String parent;
        private int arity;
        private long flags;
        private long acl;
        private final List<KeySpec> keys = new ArrayList<>();
        private String summary = "";
        private String since = "1.0.0";
        private String complexity = "";
        private String[] tips = new String[0];
        private Map<String, Command> subcommands;

        private Builder(String name, String group) {
            this.name = name.toLowerCase(Locale.ROOT);
            this.group = group;
        }

        /** Makes this a subcommand of {@code container} (full name "container|name"). */
        public Builder parent(String container) {
            this.parent = container.toLowerCase(Locale.ROOT);
            return this;
        }

        public Builder arity(int a) {
            this.arity = a;
            return this;
        }

        public Builder flags(long... f) {
            for (long x : f) flags |= x;
            return this;
        }

        public Builder acl(long... categories) {
            for (long x : categories) acl |= x;
            return this;
        }

        public Builder key(KeySpec k) {
            keys.add(k);
            return this;
        }

        public Builder doc(String summary, String since, String complexity) {
            this.summary = summary;
            this.since = since;
            this.complexity = complexity;
            return this;
        }

        public Builder tips(String... t) {
            this.tips = t;
            return this;
        }

        /** Subcommands of a container command (CLIENT, CONFIG, OBJECT...), each with its own spec. */
        public Builder subcommands(Command... subs) {
            subcommands = new LinkedHashMap<>();
            for (Command c : subs) {
                if (subcommands.put(c.spec().name(), c) != null) {
                    throw new IllegalStateException("duplicate subcommand " + c.spec().fullName());
                }
            }
            return this;
        }

        public CommandSpec build() {
            if (arity == 0) throw new IllegalStateException("arity not set for " + name);
            return new CommandSpec(this);
        }
    }
}
