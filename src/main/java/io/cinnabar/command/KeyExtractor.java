package io.cinnabar.command;

import io.cinnabar.resp.Argv;

/**
 * Redis' getKeysFromCommandWithSpecs (db.c): the positions of a command's keys in argv with the
 * key spec flags of each, from the key specs when they are reliable, else from the command's
 * getkeys procedure (SET and BITFIELD refine their flags, SORT and MIGRATE have keys the specs
 * cannot find). Used by ACL checks. Reuses its arrays: one instance per server thread.
 */
public final class KeyExtractor {
    private int[] pos = new int[16];
    private int[] flags = new int[16];
    private int n;

    public int count() {
        return n;
    }

    public int position(int i) {
        return pos[i];
    }

    public int flags(int i) {
        return flags[i];
    }

    /** doesCommandHaveKeys: a key spec that names real keys, or a getkeys procedure. */
    public static boolean hasKeys(CommandSpec spec) {
        return CommandIntrospection.hasKeys(spec) || procedure(spec) != 0;
    }

    /** Finds the keys of {@code argv} (argv[0] is the command name); returns the count. */
    public int extract(CommandSpec spec, Argv argv) {
        n = 0;
        boolean hasSpec = false, varFlags = false;
        for (KeySpec k : spec.keys()) {
            if ((k.flags & KeySpec.NOT_KEY) == 0) hasSpec = true;
            if ((k.flags & KeySpec.VARIABLE_FLAGS) != 0) varFlags = true;
        }
        if (hasSpec && !varFlags && fromSpecs(spec, argv)) return n;
        n = 0;
        switch (procedure(spec)) {
            case SET: return setKeys(argv);
            case BITFIELD: return bitfieldKeys(argv);
            case SORT: return sortKeys(argv, true);
            case SORT_RO: return sortKeys(argv, false);
            case MIGRATE: return migrateKeys(argv);
            default: return 0; // the other procedures find nothing where the specs failed
        }
    }

    private static final int SET = 1, BITFIELD = 2, SORT = 3, SORT_RO = 4, MIGRATE = 5;

    private static int procedure(CommandSpec spec) {
        switch (spec.fullName()) {
            case "set": return SET;
            case "bitfield": return BITFIELD;
            case "sort": return SORT;
            case "sort_ro": return SORT_RO;
            case "migrate": return MIGRATE;
            default: return 0;
        }
    }

    /** getKeysUsingKeySpecs without partial results: false when a spec is invalid or incomplete. */
    private boolean fromSpecs(CommandSpec spec, Argv argv) {
        int argc = argv.size();
        for (KeySpec k : spec.keys()) {
            if ((k.flags & KeySpec.NOT_KEY) != 0) continue;
            if (k.unknown) return false;
            int first = 0;
            if (k.keyword == null) {
                first = k.beginIndex;
            } else {
                int start = k.keywordStart > 0 ? k.keywordStart : argc + k.keywordStart;
                int end = k.keywordStart > 0 ? argc - 1 : 1;
                for (int i = start; i != end; i = start <= end ? i + 1 : i - 1) {
                    if (i >= argc || i < 1) break;
                    if (equalsIgnoreCase(argv.get(i), k.keyword)) {
                        first = i + 1;
                        break;
                    }
                }
                if (first == 0) continue;
            }
            int last;
            int step = k.step;
            if (k.keynum) {
                if (first + k.keynumIdx >= argc) return false;
                long num;
                try {
                    num = Long.parseLong(argv.str(first + k.keynumIdx));
                } catch (NumberFormatException e) {
                    return false;
                }
                if (num < 0) return false;
                first += k.firstKey;
                last = first + (int) num - 1;
            } else if (k.lastKey >= 0) {
                last = first + k.lastKey;
            } else if (k.limit == 0) {
                last = argc + k.lastKey;
            } else {
                last = first + ((argc - first) / k.limit + k.lastKey);
            }
            if (last >= argc || last < first || first >= argc) return false;
            for (int i = first; i <= last; i += step) add(i, k.flags);
            if ((k.flags & KeySpec.INCOMPLETE) != 0) return false;
        }
        return true;
    }

    private static boolean equalsIgnoreCase(byte[] arg, String keyword) {
        if (arg.length != keyword.length()) return false;
        for (int i = 0; i < arg.length; i++) {
            if (Character.toLowerCase((char) (arg[i] & 0xff)) != Character.toLowerCase(keyword.charAt(i))) return false;
        }
        return true;
    }

    private void add(int position, int keyFlags) {
        if (n == pos.length) {
            pos = java.util.Arrays.copyOf(pos, n * 2);
            flags = java.util.Arrays.copyOf(flags, n * 2);
        }
        pos[n] = position;
        flags[n++] = keyFlags;
    }

    /** setGetKeys: GET makes the key read too. */
    private int setKeys(Argv argv) {
        for (int i = 3; i < argv.size(); i++) {
            if (argv.is(i, "get")) {
                add(1, KeySpec.RW | KeySpec.ACCESS | KeySpec.UPDATE);
                return n;
            }
        }
        add(1, KeySpec.OW | KeySpec.UPDATE);
        return n;
    }

    /** bitfieldGetKeys: read-only when only GET (and OVERFLOW) appear. */
    private int bitfieldKeys(Argv argv) {
        boolean readonly = true;
        int argc = argv.size();
        for (int i = 2; i < argc; i++) {
            int rem = argc - i - 1;
            if (argv.is(i, "get") && rem >= 2) {
                i += 2;
            } else if ((argv.is(i, "set") || argv.is(i, "incrby")) && rem >= 3) {
                readonly = false;
                break;
            } else if (argv.is(i, "overflow") && rem >= 1) {
                i += 1;
            } else {
                readonly = false; // a syntax error: safer to assume a write
                break;
            }
        }
        add(1, readonly ? KeySpec.RO | KeySpec.ACCESS : KeySpec.RW | KeySpec.ACCESS | KeySpec.UPDATE);
        return n;
    }

    /** sortGetKeys / sortROGetKeys: the sorted key, and the last STORE destination. */
    private int sortKeys(Argv argv, boolean store) {
        add(1, KeySpec.RO | KeySpec.ACCESS);
        if (!store) return n;
        int dest = -1;
        for (int i = 2; i < argv.size(); i++) {
            if (argv.is(i, "limit")) i += 2;
            else if (argv.is(i, "get") || argv.is(i, "by")) i += 1;
            else if (argv.is(i, "store") && i + 1 < argv.size()) dest = i + 1;
        }
        if (dest > 0) add(dest, KeySpec.OW | KeySpec.UPDATE);
        return n;
    }

    /** migrateGetKeys: the key argument, or the keys after KEYS when it is empty. */
    private int migrateKeys(Argv argv) {
        int argc = argv.size();
        int first = 3, num = 1;
        for (int i = 6; i < argc; i++) {
            if (argv.is(i, "keys")) {
                if (argv.get(3).length > 0) {
                    num = 0;
                } else {
                    first = i + 1;
                    num = argc - first;
                }
                break;
            }
            if (argv.is(i, "auth")) i += 1;
            else if (argv.is(i, "auth2")) i += 2;
        }
        for (int i = 0; i < num; i++) add(first + i, KeySpec.RW | KeySpec.ACCESS | KeySpec.DELETE);
        return n;
    }
}
