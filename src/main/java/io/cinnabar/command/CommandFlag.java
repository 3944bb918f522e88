package io.cinnabar.command;

/** Command flags as COMMAND INFO reports them (Redis 7.0 CMD_* flags), as bits. */
public final class CommandFlag {
    private CommandFlag() {}

    public static final long WRITE = 1L;
    public static final long READONLY = 1L << 1;
    public static final long DENYOOM = 1L << 2;
    public static final long MODULE = 1L << 3;
    public static final long ADMIN = 1L << 4;
    public static final long PUBSUB = 1L << 5;
    public static final long NOSCRIPT = 1L << 6;
    public static final long BLOCKING = 1L << 8;
    public static final long LOADING = 1L << 9;
    public static final long STALE = 1L << 10;
    public static final long SKIP_MONITOR = 1L << 11;
    public static final long SKIP_SLOWLOG = 1L << 12;
    public static final long ASKING = 1L << 13;
    public static final long FAST = 1L << 14;
    public static final long NO_AUTH = 1L << 15;
    public static final long MAY_REPLICATE = 1L << 16;
    public static final long SENTINEL = 1L << 17;
    public static final long ONLY_SENTINEL = 1L << 18;
    public static final long NO_MANDATORY_KEYS = 1L << 19;
    public static final long PROTECTED = 1L << 20;
    public static final long MODULE_GETKEYS = 1L << 21;
    public static final long MODULE_NO_CLUSTER = 1L << 22;
    public static final long NO_ASYNC_LOADING = 1L << 23;
    public static final long NO_MULTI = 1L << 24;
    public static final long MOVABLE_KEYS = 1L << 25;
    public static final long ALLOW_BUSY = 1L << 26;
    public static final long MODULE_GETCHANNELS = 1L << 27;

    /** The flag names in COMMAND INFO's order (Redis' addReplyCommandFlags). */
    static final Object[][] NAMES = {
        {WRITE, "write"}, {READONLY, "readonly"}, {DENYOOM, "denyoom"}, {MODULE, "module"},
        {ADMIN, "admin"}, {PUBSUB, "pubsub"}, {NOSCRIPT, "noscript"}, {BLOCKING, "blocking"},
        {LOADING, "loading"}, {STALE, "stale"}, {SKIP_MONITOR, "skip_monitor"},
        {SKIP_SLOWLOG, "skip_slowlog"}, {ASKING, "asking"}, {FAST, "fast"}, {NO_AUTH, "no_auth"},
        {NO_MANDATORY_KEYS, "no_mandatory_keys"},
        {NO_ASYNC_LOADING, "no_async_loading"}, {NO_MULTI, "no_multi"}, {MOVABLE_KEYS, "movablekeys"},
        {ALLOW_BUSY, "allow_busy"},
    };
}
