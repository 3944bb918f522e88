package io.cinnabar.command;

import io.cinnabar.resp.Argv;

/**
 * Where a command's keys are (Redis 7.0 key specs): a begin-search step (a fixed index, or the
 * argument after a keyword) and a find-keys step (a range, or a count argument), with flags saying
 * what the command does to the key. COMMAND INFO prints these; GETKEYS, ACLs and the legacy
 * first/last/step triple are derived from them.
 */
public final class KeySpec {
    // key spec flags, as COMMAND INFO names them
    public static final int RO = 1, RW = 1 << 1, OW = 1 << 2, RM = 1 << 3, ACCESS = 1 << 4, UPDATE = 1 << 5,
            INSERT = 1 << 6, DELETE = 1 << 7, NOT_KEY = 1 << 8, INCOMPLETE = 1 << 9, VARIABLE_FLAGS = 1 << 10;
    static final String[] FLAG_NAMES = {"RO", "RW", "OW", "RM", "access", "update", "insert", "delete",
        "not_key", "incomplete", "variable_flags"};

    final int flags;
    // begin search
    final int beginIndex; // > 0 for index search
    final String keyword; // non-null for keyword search
    final int keywordStart;
    // find keys
    final boolean keynum;
    final int lastKey; // range: last key relative to the begin (-1 = last arg)
    final int step;
    final int limit;
    final int keynumIdx;
    final int firstKey;
    /** Begin search and find keys of type "unknown" (SORT's BY/GET/STORE, MIGRATE's KEYS...). */
    final boolean unknown;
    /** Optional notes COMMAND INFO shows. */
    final String notes;

    private KeySpec(int flags, int beginIndex, String keyword, int keywordStart, boolean keynum, int lastKey,
            int step, int limit, int keynumIdx, int firstKey) {
        this.flags = flags;
        this.beginIndex = beginIndex;
        this.keyword = keyword;
        this.keywordStart = keywordStart;
        this.keynum = keynum;
        this.lastKey = lastKey;
        this.step = step;
        this.limit = limit;
        this.keynumIdx = keynumIdx;
        this.firstKey = firstKey;
        this.unknown = false;
        this.notes = null;
    }

    private KeySpec(KeySpec k, boolean unknown, String notes) {
        this.flags = k.flags;
        this.beginIndex = k.beginIndex;
        this.keyword = k.keyword;
        this.keywordStart = k.keywordStart;
        this.keynum = k.keynum;
        this.lastKey = k.lastKey;
        this.step = k.step;
        this.limit = k.limit;
        this.keynumIdx = k.keynumIdx;
        this.firstKey = k.firstKey;
        this.unknown = unknown;
        this.notes = notes;
    }

    /** A spec whose keys cannot be found from argv alone (begin_search and find_keys "unknown"). */
    public static KeySpec unknown(int flags) {
        return new KeySpec(new KeySpec(flags, 0, null, 0, false, 0, 0, 0, 0, 0), true, null);
    }

    /** The same spec with COMMAND INFO's "notes". */
    public KeySpec notes(String text) {
        return new KeySpec(this, unknown, text);
    }

    /** One key at a fixed position. */
    public static KeySpec single(int index, int flags) {
        return new KeySpec(flags, index, null, 0, false, 0, 1, 0, 0, 0);
    }

    /** Keys from index: lastKey relative to index (-1 = to the end), every step-th. */
    public static KeySpec range(int index, int lastKey, int step, int flags) {
        return new KeySpec(flags, index, null, 0, false, lastKey, step, 0, 0, 0);
    }

    /** Range with a limit (e.g. XREAD STREAMS half). */
    public static KeySpec rangeLimit(int index, int lastKey, int step, int limit, int flags) {
        return new KeySpec(flags, index, null, 0, false, lastKey, step, limit, 0, 0);
    }

    /** keynum: the argument at index+keynumIdx says how many keys follow from index+firstKey. */
    public static KeySpec keynum(int index, int keynumIdx, int firstKey, int step, int flags) {
        return new KeySpec(flags, index, null, 0, true, 0, step, 0, keynumIdx, firstKey);
    }

    /** Keys after a keyword searched from startFrom (negative: from the end), as a range. */
    public static KeySpec keywordRange(String keyword, int startFrom, int lastKey, int step, int limit, int flags) {
        return new KeySpec(flags, 0, keyword, startFrom, false, lastKey, step, limit, 0, 0);
    }

    public static KeySpec keywordKeynum(String keyword, int startFrom, int keynumIdx, int firstKey, int step, int flags) {
        return new KeySpec(flags, 0, keyword, startFrom, true, 0, step, 0, keynumIdx, firstKey);
    }

    public int flags() {
        return flags;
    }

    /**
     * Appends the positions of this spec's keys in argv to {@code out} (count returned);
     * -1 when the arguments don't fit (Redis then reports "Invalid arguments").
     */
    public int positions(Argv argv, int[] out, int n) {
        if (unknown) return 0;
        int argc = argv.size();
        int first;
        if (keyword == null) {
            first = beginIndex;
        } else {
            first = -1;
            int start = keywordStart >= 0 ? keywordStart : argc + keywordStart;
            int end = keywordStart >= 0 ? argc - 1 : 0;
            int inc = keywordStart >= 0 ? 1 : -1;
            for (int i = start; inc > 0 ? i <= end : i >= end; i += inc) {
                if (i <= 0 || i >= argc) break;
                if (argv.is(i, keyword.toLowerCase(java.util.Locale.ROOT))) {
                    first = i + 1;
                    break;
                }
            }
            if (first < 0) return 0;
        }
        if (first >= argc) return 0;
        int last;
        int stp = step;
        if (keynum) {
            long num;
            try {
                num = Long.parseLong(argv.str(first + keynumIdx));
            } catch (NumberFormatException e) {
                return -1;
            }
            if (num < 0) return -1;
            first = first + firstKey;
            last = (int) (first + (num - 1) * stp);
            if (num == 0) return 0;
        } else {
            if (lastKey >= 0) {
                last = first + lastKey;
            } else if (limit == 0) {
                last = argc + lastKey;
            } else {
                last = first + ((argc - first) / limit + lastKey);
            }
        }
        if (last >= argc) return -1;
        int count = 0;
        for (int i = first; i <= last; i += stp) {
            if (n + count < out.length) out[n + count] = i;
            count++;
        }
        return count;
    }
}
