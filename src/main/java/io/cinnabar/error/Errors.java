package io.cinnabar.error;

/**
 * Every error reply text in one place, word for word as Redis 7.0 writes them.
 * Constants are shared, stackless instances; formatted ones are built on demand.
 */
public final class Errors {
    private Errors() {}

    public static final RedisError WRONGTYPE =
            new RedisError("WRONGTYPE Operation against a key holding the wrong kind of value");
    public static final RedisError SYNTAX = new RedisError("ERR syntax error");
    public static final RedisError NOT_INTEGER = new RedisError("ERR value is not an integer or out of range");
    public static final RedisError NOT_FLOAT = new RedisError("ERR value is not a valid float");
    public static final RedisError OVERFLOW = new RedisError("ERR increment or decrement would overflow");
    public static final RedisError NO_SUCH_KEY = new RedisError("ERR no such key");
    public static final RedisError INDEX_OUT_OF_RANGE = new RedisError("ERR index out of range");
    public static final RedisError SAME_OBJECT = new RedisError("ERR source and destination objects are the same");
    public static final RedisError DB_INDEX_OUT_OF_RANGE = new RedisError("ERR DB index is out of range");
    public static final RedisError STRING_TOO_LONG =
            new RedisError("ERR string exceeds maximum allowed size (proto-max-bulk-len)");
    public static final RedisError NOAUTH = new RedisError("NOAUTH Authentication required.");
    public static final RedisError OOM =
            new RedisError("OOM command not allowed when used memory > 'maxmemory'.");
    public static final RedisError READONLY =
            new RedisError("READONLY You can't write against a read only replica.");
    public static final RedisError EXECABORT =
            new RedisError("EXECABORT Transaction discarded because of previous errors.");
    public static final RedisError TIMEOUT_NOT_FLOAT = new RedisError("ERR timeout is not a float or out of range");
    public static final RedisError TIMEOUT_NEGATIVE = new RedisError("ERR timeout is negative");
    public static final RedisError NAN_OR_INF = new RedisError("ERR increment would produce NaN or Infinity");

    public static RedisError wrongArity(String fullName) {
        return new RedisError("ERR wrong number of arguments for '" + fullName + "' command");
    }

    public static RedisError invalidExpireTime(String commandName) {
        return new RedisError("ERR invalid expire time in '" + commandName + "' command");
    }

    public static RedisError err(String text) {
        return new RedisError("ERR " + text);
    }

    /** {@code ERR unknown subcommand 'x'. Try CMD HELP.} as Redis' addReplySubcommandSyntaxError. */
    public static RedisError unknownSubcommand(String sub, String container) {
        return new RedisError("ERR unknown subcommand '" + truncate(sub, 128) + "'. Try "
                + container.toUpperCase(java.util.Locale.ROOT) + " HELP.");
    }

    public static RedisError subcommandSyntax(String sub, String container) {
        return new RedisError("ERR unknown subcommand or wrong number of arguments for '" + truncate(sub, 128)
                + "'. Try " + container.toUpperCase(java.util.Locale.ROOT) + " HELP.");
    }

    public static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
