package io.cinnabar.config;

import java.util.List;
import java.util.Locale;

/**
 * One configuration parameter with its redis.conf name, aliases, type and current value.
 * Values are kept in their canonical text form (what CONFIG GET prints) plus a parsed long for
 * numeric and boolean types, so hot readers pay a field read.
 */
public final class ConfigParam {
    public enum Type { BOOL, INT, MEMORY, ENUM, STRING, SPECIAL }

    final String name;
    final List<String> aliases;
    final Type type;
    final long min;
    final long max;
    final String[] enumValues;
    final boolean immutable;
    final boolean multiArg;
    final String defaultValue;
    String value;
    long number;

    ConfigParam(String name, List<String> aliases, Type type, long min, long max, String[] enumValues,
            boolean immutable, boolean multiArg, String defaultValue) {
        this.name = name;
        this.aliases = aliases;
        this.type = type;
        this.min = min;
        this.max = max;
        this.enumValues = enumValues;
        this.immutable = immutable;
        this.multiArg = multiArg;
        this.defaultValue = defaultValue;
    }

    public String name() { return name; }
    public List<String> aliases() { return aliases; }
    public Type type() { return type; }
    public String value() { return value; }
    public long number() { return number; }
    public boolean immutable() { return immutable; }
    public String defaultValue() { return defaultValue; }

    /** Parses and validates {@code raw}; returns the canonical text. Throws with Redis' reason. */
    String canonical(String raw) throws ConfigException {
        switch (type) {
            case BOOL: {
                String v = raw.toLowerCase(Locale.ROOT);
                if (v.equals("yes")) return "yes";
                if (v.equals("no")) return "no";
                throw new ConfigException("argument must be 'yes' or 'no'");
            }
            case INT: {
                long n = parseInt(raw);
                checkRange(n);
                return Long.toString(n);
            }
            case MEMORY: {
                if (raw.endsWith("%") && min < 0) {
                    // PERCENT_CONFIG (maxmemory-clients): "N%" of maxmemory, kept as written
                    long pct = parseInt(raw.substring(0, raw.length() - 1));
                    if (pct > -min) throw new ConfigException("percentage argument must be less or equal to " + (-min));
                    if (pct < 0) throw new ConfigException("argument must be a memory or percent value");
                    return pct + "%";
                }
                long n = parseMemory(raw);
                checkRange(n);
                return Long.toString(n);
            }
            case ENUM: {
                String v = raw.toLowerCase(Locale.ROOT);
                for (String e : enumValues) if (e.equals(v)) return e;
                throw new ConfigException("argument(s) must be one of the following: " + String.join(", ", enumValues));
            }
            default:
                return raw;
        }
    }

    long numberOf(String canonical) {
        switch (type) {
            case BOOL: return canonical.equals("yes") ? 1 : 0;
            case INT: return Long.parseLong(canonical);
            case MEMORY:
                return canonical.endsWith("%") ? -Long.parseLong(canonical.substring(0, canonical.length() - 1))
                        : Long.parseLong(canonical);
            case ENUM: {
                for (int i = 0; i < enumValues.length; i++) if (enumValues[i].equals(canonical)) return i;
                return 0;
            }
            default: return 0;
        }
    }

    private void checkRange(long n) throws ConfigException {
        if (n < min || n > max) {
            throw new ConfigException("argument must be between " + min + " and " + max + " inclusive");
        }
    }

    private static long parseInt(String raw) throws ConfigException {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new ConfigException("argument couldn't be parsed into an integer");
        }
    }

    /** memtoll, or -1 when not a memory value. */
    static long parseMemoryOr(String raw) {
        try {
            long v = parseMemory(raw);
            return v;
        } catch (ConfigException e) {
            return -1;
        }
    }

    /** memtoll: a number with an optional k/kb/m/mb/g/gb suffix (case-insensitive). */
    static long parseMemory(String raw) throws ConfigException {
        String v = raw.toLowerCase(Locale.ROOT);
        long mul = 1;
        String digits = v;
        String[][] units = {{"kb", "1024"}, {"mb", "1048576"}, {"gb", "1073741824"}, {"k", "1000"}, {"m", "1000000"},
            {"g", "1000000000"}, {"b", "1"}};
        for (String[] u : units) {
            if (v.endsWith(u[0])) {
                mul = Long.parseLong(u[1]);
                digits = v.substring(0, v.length() - u[0].length());
                break;
            }
        }
        try {
            return Math.multiplyExact(Long.parseLong(digits), mul);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ConfigException("argument must be a memory value");
        }
    }
}
