package io.cinnabar.scripting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/** Script flags (script.c scripts_flags_def), from a shebang or redis.register_function. */
final class ScriptFlags {
    private ScriptFlags() {}

    static final int NO_WRITES = 1, ALLOW_OOM = 1 << 1, ALLOW_STALE = 1 << 2, NO_CLUSTER = 1 << 3,
            EVAL_COMPAT_MODE = 1 << 4, ALLOW_CROSS_SLOT = 1 << 5;
    static final String[] NAMES = {"no-writes", "allow-oom", "allow-stale", "no-cluster", null, "allow-cross-slot-keys"};

    static int of(String name, boolean ignoreCase) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i] != null && (ignoreCase ? NAMES[i].equalsIgnoreCase(name) : NAMES[i].equals(name))) return 1 << i;
        }
        return 0;
    }

    /** The flags of a register_function "flags" table; -1 on an unknown flag. */
    static int fromTable(LuaTable t) {
        int flags = 0;
        for (int j = 1; ; j++) {
            LuaValue v = t.get(j);
            if (v.isnil()) break;
            if (!v.isstring()) return -1;
            int f = of(v.tojstring(), true);
            if (f == 0) return -1;
            flags |= f;
        }
        return flags;
    }

    static List<String> names(int flags) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) if (NAMES[i] != null && (flags & (1 << i)) != 0) out.add(NAMES[i]);
        return out;
    }

    /** A parsed shebang: its flags and the length of the line (without the '\n'). */
    record Shebang(int flags, int length) {}

    /** evalExtractShebangFlags; throws the error text as an IllegalArgumentException. */
    static Shebang parseEval(byte[] body) {
        if (body.length < 2 || body[0] != '#' || body[1] != '!') return new Shebang(EVAL_COMPAT_MODE, 0);
        int end = indexOf(body, (byte) '\n');
        if (end < 0) throw new IllegalArgumentException("Invalid script shebang");
        String line = new String(body, 0, end, java.nio.charset.StandardCharsets.ISO_8859_1);
        String[] parts = line.trim().split("[ \t\r]+");
        if (parts.length == 0 || parts[0].isEmpty()) throw new IllegalArgumentException("Invalid engine in script shebang");
        if (!parts[0].equals("#!lua")) {
            throw new IllegalArgumentException("Unexpected engine in script shebang: " + parts[0]);
        }
        int flags = 0;
        for (int j = 1; j < parts.length; j++) {
            if (parts[j].startsWith("flags=")) {
                String list = parts[j].substring(6);
                for (String f : list.split(",", -1)) {
                    if (list.isEmpty()) break;
                    int bit = of(f, false);
                    if (bit == 0) throw new IllegalArgumentException("Unexpected flag in script shebang: " + f);
                    flags |= bit;
                }
            } else {
                throw new IllegalArgumentException("Unknown lua shebang option: " + parts[j]);
            }
        }
        return new Shebang(flags, end);
    }

    static int indexOf(byte[] b, byte c) {
        for (int i = 0; i < b.length; i++) if (b[i] == c) return i;
        return -1;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
