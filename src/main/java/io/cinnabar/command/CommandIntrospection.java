package io.cinnabar.command;

import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import java.util.Map;

/**
 * COMMAND's view of the metadata: the COMMAND INFO and COMMAND DOCS replies (Redis 7.0's
 * addReplyCommandInfo / addReplyCommandDocs, field for field) and the keys of a full command line
 * (COMMAND GETKEYS / GETKEYSANDFLAGS, from the key specs as getKeysFromCommandWithSpecs).
 */
public final class CommandIntrospection {
    private CommandIntrospection() {}

    /** One command's 10-element COMMAND INFO entry; a null reply for null. */
    public static void info(RespOut out, CommandSpec spec) {
        if (spec == null) {
            out.nullBulk();
            return;
        }
        out.arrayHeader(10);
        out.bulk(spec.fullName());
        out.integer(spec.arity());
        commandFlags(out, spec.flags());
        out.integer(spec.firstKey());
        out.integer(spec.lastKey());
        out.integer(spec.keyStep());
        aclCategories(out, spec.acl());
        out.setHeader(spec.tips().length);
        for (String t : spec.tips()) out.bulk(t);
        keySpecs(out, spec.keys());
        if (spec.subcommands() == null) {
            out.setHeader(0);
        } else {
            out.arrayHeader(spec.subcommands().size());
            for (Command c : spec.subcommands().values()) info(out, c.spec());
        }
    }

    public static void commandFlags(RespOut out, long flags) {
        int n = 0;
        for (Object[] f : CommandFlag.NAMES) if ((flags & (Long) f[0]) != 0) n++;
        out.setHeader(n);
        for (Object[] f : CommandFlag.NAMES) if ((flags & (Long) f[0]) != 0) out.simple((String) f[1]);
    }

    public static void aclCategories(RespOut out, long acl) {
        out.setHeader(Long.bitCount(acl));
        for (int i = 0; i < AclCategory.NAMES.length; i++) {
            if ((acl & (1L << i)) != 0) out.simple("@" + AclCategory.NAMES[i]);
        }
    }

    public static void keyFlags(RespOut out, int flags) {
        out.setHeader(Integer.bitCount(flags));
        for (int i = 0; i < KeySpec.FLAG_NAMES.length; i++) {
            if ((flags & (1 << i)) != 0) out.simple(KeySpec.FLAG_NAMES[i]);
        }
    }

    private static void keySpecs(RespOut out, KeySpec[] keys) {
        out.setHeader(keys.length);
        for (KeySpec k : keys) {
            out.mapHeader(k.notes != null ? 4 : 3);
            if (k.notes != null) {
                out.bulk("notes");
                out.bulk(k.notes);
            }
            out.bulk("flags");
            keyFlags(out, k.flags);
            out.bulk("begin_search");
            out.mapHeader(2);
            out.bulk("type");
            if (k.unknown) {
                out.bulk("unknown");
                out.bulk("spec");
                out.mapHeader(0);
            } else if (k.keyword == null) {
                out.bulk("index");
                out.bulk("spec");
                out.mapHeader(1);
                out.bulk("index");
                out.integer(k.beginIndex);
            } else {
                out.bulk("keyword");
                out.bulk("spec");
                out.mapHeader(2);
                out.bulk("keyword");
                out.bulk(k.keyword);
                out.bulk("startfrom");
                out.integer(k.keywordStart);
            }
            out.bulk("find_keys");
            out.mapHeader(2);
            out.bulk("type");
            if (k.unknown) {
                out.bulk("unknown");
                out.bulk("spec");
                out.mapHeader(0);
            } else if (k.keynum) {
                out.bulk("keynum");
                out.bulk("spec");
                out.mapHeader(3);
                out.bulk("keynumidx");
                out.integer(k.keynumIdx);
                out.bulk("firstkey");
                out.integer(k.firstKey);
                out.bulk("keystep");
                out.integer(k.step);
            } else {
                out.bulk("range");
                out.bulk("spec");
                out.mapHeader(3);
                out.bulk("lastkey");
                out.integer(k.lastKey);
                out.bulk("keystep");
                out.integer(k.step);
                out.bulk("limit");
                out.integer(k.limit);
            }
        }
    }

    /** One command's COMMAND DOCS map (without the argument tree, which specs don't declare). */
    public static void docs(RespOut out, CommandSpec spec) {
        boolean hasSummary = !spec.summary().isEmpty();
        boolean hasComplexity = !spec.complexity().isEmpty();
        Map<String, Command> subs = spec.subcommands();
        out.mapHeader(1 + (hasSummary ? 1 : 0) + 1 + (hasComplexity ? 1 : 0) + (subs != null ? 1 : 0));
        if (hasSummary) {
            out.bulk("summary");
            out.bulk(spec.summary());
        }
        out.bulk("since");
        out.bulk(spec.since());
        out.bulk("group");
        out.bulk(spec.group());
        if (hasComplexity) {
            out.bulk("complexity");
            out.bulk(spec.complexity());
        }
        if (subs != null) {
            out.bulk("subcommands");
            out.mapHeader(subs.size());
            for (Command c : subs.values()) {
                out.bulk(c.spec().fullName());
                docs(out, c.spec());
            }
        }
    }

    /** Whether any key spec names real keys (doesCommandHaveKeys). */
    public static boolean hasKeys(CommandSpec spec) {
        for (KeySpec k : spec.keys()) if ((k.flags & KeySpec.NOT_KEY) == 0) return true;
        return false;
    }

    private static final RedisError INVALID_ARGS = new RedisError("ERR Invalid arguments specified for command");

    /**
     * COMMAND GETKEYS / GETKEYSANDFLAGS for {@code cmd} = argv[offset..]: replies with the keys
     * (and their flags). The caller checked the command exists, has keys, and the arity.
     */
    public static void getKeys(RespOut out, CommandSpec spec, Argv cmd, boolean withFlags) {
        int[] pos = new int[Math.max(16, cmd.size())];
        int[] flags = new int[pos.length];
        int n = keyPositions(spec, cmd, pos, flags);
        if (n <= 0) {
            if (spec.has(CommandFlag.NO_MANDATORY_KEYS)) {
                out.emptyArray();
                return;
            }
            throw INVALID_ARGS;
        }
        out.arrayHeader(n);
        for (int i = 0; i < n; i++) {
            if (withFlags) {
                out.arrayHeader(2);
                out.bulk(cmd.get(pos[i]));
                keyFlags(out, flags[i]);
            } else {
                out.bulk(cmd.get(pos[i]));
            }
        }
    }

    /**
     * getKeysFromCommand: fills {@code pos} (and {@code flags}, both at least max(16, argc) long)
     * with the argv indexes of cmd's keys; returns how many, or -1 when argv does not fit the specs.
     */
    public static int keyPositions(CommandSpec spec, Argv cmd, int[] pos, int[] flags) {
        int n = 0;
        for (KeySpec k : spec.keys()) {
            if ((k.flags & KeySpec.NOT_KEY) != 0) continue;
            int found = k.positions(cmd, pos, n);
            if (found < 0) {
                n = -1;
                break;
            }
            for (int i = n; i < n + found && i < pos.length; i++) flags[i] = variableFlags(spec, cmd, k.flags);
            n += found;
        }
        if (n >= 0 && spec.fullName().startsWith("sort")) n = sortStoreKey(cmd, pos, flags, n);
        return Math.min(n, pos.length);
    }

    /** sortGetKeys: SORT's STORE destination (the last one given), skipping LIMIT/GET/BY arguments. */
    private static int sortStoreKey(Argv cmd, int[] pos, int[] flags, int n) {
        int store = -1;
        for (int i = 2; i < cmd.size(); i++) {
            if (cmd.is(i, "limit")) {
                i += 2;
            } else if (cmd.is(i, "get") || cmd.is(i, "by")) {
                i += 1;
            } else if (cmd.is(i, "store") && i + 1 < cmd.size()) {
                store = ++i;
            }
        }
        if (store < 0) return n;
        pos[n] = store;
        flags[n] = KeySpec.OW | KeySpec.UPDATE;
        return n + 1;
    }

    /** The key flags of commands with a getkeys_proc that refines them (setGetKeys, bitfieldGetKeys). */
    private static int variableFlags(CommandSpec spec, Argv cmd, int flags) {
        if ((flags & KeySpec.VARIABLE_FLAGS) == 0) return flags;
        if (spec.fullName().equals("set")) {
            for (int i = 3; i < cmd.size(); i++) {
                if (cmd.is(i, "get")) return KeySpec.RW | KeySpec.ACCESS | KeySpec.UPDATE;
            }
            return KeySpec.OW | KeySpec.UPDATE;
        }
        if (spec.fullName().equals("bitfield")) {
            for (int i = 2; i < cmd.size(); i++) {
                if (cmd.is(i, "set") || cmd.is(i, "incrby")) return KeySpec.RW | KeySpec.UPDATE;
            }
            return KeySpec.RO | KeySpec.ACCESS;
        }
        return flags;
    }
}
