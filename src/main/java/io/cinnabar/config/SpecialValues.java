package io.cinnabar.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Validation of the parameters with a structure of their own (save, client-output-buffer-limit, ...). */
final class SpecialValues {
    private SpecialValues() {}

    static void install(Config c) {
        c.validator("save", SpecialValues::save);
        c.validator("notify-keyspace-events", SpecialValues::notifyFlags);
        c.validator("client-output-buffer-limit", v -> mergeOutputLimits(
                "normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60", v));
        c.validator("dir", SpecialValues::dir);
    }

    static String save(String v) throws ConfigException {
        String t = v.strip();
        if (t.isEmpty() || t.equals("\"\"")) return "";
        String[] parts = t.split("\\s+");
        if (parts.length % 2 != 0) throw new ConfigException("Invalid save parameters");
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            try {
                long n = Long.parseLong(p);
                if (n < 0) throw new ConfigException("Invalid save parameters");
            } catch (NumberFormatException e) {
                throw new ConfigException("Invalid save parameters");
            }
            if (sb.length() > 0) sb.append(' ');
            sb.append(p);
        }
        return sb.toString();
    }

    /** Canonical order as Redis' keyspaceEventsFlagsToString prints it. */
    static String notifyFlags(String v) throws ConfigException {
        final String classes = "g$lshzxetmdn";
        boolean a = false, k = false, e = false;
        StringBuilder set = new StringBuilder();
        for (char ch : v.toCharArray()) {
            if (ch == 'A') a = true;
            else if (ch == 'K') k = true;
            else if (ch == 'E') e = true;
            else if (classes.indexOf(ch) >= 0) {
                if (set.indexOf(String.valueOf(ch)) < 0) set.append(ch);
            } else throw new ConfigException("Invalid event class character. Use 'Ag$lshzxeKEtmdn'.");
        }
        StringBuilder out = new StringBuilder();
        // 'A' stands for g$lshzxetd (not m or n)
        String aAll = "g$lshzxetd";
        boolean hasAll = a;
        if (!hasAll) {
            hasAll = true;
            for (char ch : aAll.toCharArray()) if (set.indexOf(String.valueOf(ch)) < 0) hasAll = false;
        }
        if (hasAll) {
            out.append('A');
        } else {
            for (char ch : aAll.toCharArray()) if (set.indexOf(String.valueOf(ch)) >= 0) out.append(ch);
        }
        if (k) out.append('K');
        if (e) out.append('E');
        if (set.indexOf("m") >= 0) out.append('m');
        if (set.indexOf("n") >= 0) out.append('n');
        if (!k && !e && out.length() > 0) return out.toString(); // Redis keeps classes even without K/E
        return out.toString();
    }

    /** Applies "class hard soft seconds" groups over {@code base}; returns the full three-class value. */
    static String mergeOutputLimits(String base, String update) throws ConfigException {
        String[] b = base.strip().split("\\s+");
        String[] u = update.strip().split("\\s+");
        if (update.isBlank() || u.length % 4 != 0) throw new ConfigException("Wrong number of arguments in buffer limit configuration.");
        String[][] cls = {{"normal", b[1], b[2], b[3]}, {"slave", b[5], b[6], b[7]}, {"pubsub", b[9], b[10], b[11]}};
        for (int i = 0; i < u.length; i += 4) {
            String name = u[i].toLowerCase(Locale.ROOT);
            if (name.equals("replica")) name = "slave";
            int idx = name.equals("normal") ? 0 : name.equals("slave") ? 1 : name.equals("pubsub") ? 2 : -1;
            if (idx < 0) throw new ConfigException("Invalid client class specified in buffer limit configuration.");
            long hard = ConfigParam.parseMemoryOr(u[i + 1]);
            long soft = ConfigParam.parseMemoryOr(u[i + 2]);
            long secs;
            try {
                secs = Long.parseLong(u[i + 3]);
            } catch (NumberFormatException e) {
                secs = -1;
            }
            if (hard < 0 || soft < 0 || secs < 0) throw new ConfigException("Error in hard, soft or soft_seconds setting in buffer limit configuration.");
            cls[idx][1] = Long.toString(hard);
            cls[idx][2] = Long.toString(soft);
            cls[idx][3] = Long.toString(secs);
        }
        StringBuilder sb = new StringBuilder();
        for (String[] c : cls) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(String.join(" ", c));
        }
        return sb.toString();
    }

    static String dir(String v) throws ConfigException {
        Path p = Path.of(v).toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) throw new ConfigException("No such file or directory");
        return p.toString();
    }
}
