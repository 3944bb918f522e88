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
        c.validator("shutdown-on-sigint", SpecialValues::shutdownFlags);
        c.validator("shutdown-on-sigterm", SpecialValues::shutdownFlags);
        c.validator("latency-tracking-info-percentiles", SpecialValues::percentiles);
        c.validator("replicaof", SpecialValues::replicaof);
        c.validator("oom-score-adj-values", SpecialValues::oomScoreAdjValues);
    }

    private static final String[] SHUTDOWN_FLAGS = {"save", "nosave", "now", "force"};

    /** A flags enum (shutdown-on-sigint/sigterm): any of save, nosave, now, force, or default; printed in that order. */
    static String shutdownFlags(String v) throws ConfigException {
        String[] words = v.strip().split("\\s+");
        boolean[] set = new boolean[SHUTDOWN_FLAGS.length];
        for (String w : words) {
            String l = w.toLowerCase(Locale.ROOT);
            int idx = java.util.Arrays.asList(SHUTDOWN_FLAGS).indexOf(l);
            if (idx >= 0) set[idx] = true;
            else if (!l.equals("default")) {
                throw new ConfigException("argument(s) must be one of the following: default, save, nosave, now, force");
            }
        }
        if (set[0] && set[1]) throw new ConfigException("shutdown options SAVE and NOSAVE can't be used simultaneously");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < set.length; i++) {
            if (!set[i]) continue;
            if (sb.length() > 0) sb.append(' ');
            sb.append(SHUTDOWN_FLAGS[i]);
        }
        return sb.length() == 0 ? "default" : sb.toString();
    }

    /** latency-tracking-info-percentiles: doubles in [0, 100], printed as %f without trailing zeros. */
    static String percentiles(String v) throws ConfigException {
        String t = v.strip();
        if (t.isEmpty() || t.equals("\"\"")) return "";
        StringBuilder sb = new StringBuilder();
        for (String w : t.split("\\s+")) {
            double d = io.cinnabar.util.Numbers.parseDouble(w.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (Double.isNaN(d)) throw new ConfigException("Invalid latency-tracking-info-percentiles parameters");
            if (d < 0.0 || d > 100.0) {
                throw new ConfigException("latency-tracking-info-percentiles parameters should sit between [0.0,100.0]");
            }
            String f = String.format(Locale.ROOT, "%f", d);
            if (f.indexOf('.') >= 0) f = f.replaceAll("0+$", "").replaceAll("\\.$", "");
            if (sb.length() > 0) sb.append(' ');
            sb.append(f);
        }
        return sb.toString();
    }

    /** oom-score-adj-values: three integers (master, replica, background child) in [-2000, 2000]. */
    static String oomScoreAdjValues(String v) throws ConfigException {
        String[] w = v.strip().split("\\s+");
        if (w.length != 3) throw new ConfigException("wrong number of arguments");
        StringBuilder sb = new StringBuilder();
        for (String x : w) {
            long n;
            try {
                n = Long.parseLong(x);
            } catch (NumberFormatException e) {
                n = Long.MAX_VALUE;
            }
            if (n < -2000 || n > 2000) {
                throw new ConfigException("Invalid oom-score-adj-values, elements must be between -2000 and 2000.");
            }
            if (sb.length() > 0) sb.append(' ');
            sb.append(n);
        }
        return sb.toString();
    }

    /** replicaof: "no one", or a host and a port. */
    static String replicaof(String v) throws ConfigException {
        String t = v.strip();
        if (t.isEmpty()) return "";
        String[] w = t.split("\\s+");
        if (w.length != 2) throw new ConfigException("wrong number of arguments");
        if (w[0].equalsIgnoreCase("no") && w[1].equalsIgnoreCase("one")) return "";
        try {
            int port = Integer.parseInt(w[1]);
            if (port < 0 || port > 65535) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            throw new ConfigException("Invalid master port");
        }
        return t;
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
