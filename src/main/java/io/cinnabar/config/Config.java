package io.cinnabar.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The server's configuration: every Redis 7.0 parameter by its redis.conf name (and alias), typed
 * and validated as Redis validates it. Values come from defaults, a redis.conf file, command-line
 * {@code --name value} overrides, the embedding builder, and CONFIG SET at run time.
 * Listeners registered with {@link #onChange} apply a change (hz, maxclients, ...).
 */
public final class Config {
    private final Map<String, ConfigParam> byName = new HashMap<>();
    private final List<ConfigParam> ordered = new ArrayList<>();
    private final Map<String, List<Consumer<ConfigParam>>> listeners = new HashMap<>();
    private final Map<String, SpecialValidator> validators = new HashMap<>();
    /** Directives read from the config file that are not parameters (user, rename-command...). */
    private final List<String[]> extraDirectives = new CopyOnWriteArrayList<>();
    private Path configFile;

    /** Validates (and may canonicalize) a special parameter's value. */
    @FunctionalInterface
    public interface SpecialValidator {
        String check(String value) throws ConfigException;
    }

    public Config() {
        bool("rdbchecksum", null, true, true);
        bool("daemonize", null, true, false);
        bool("io-threads-do-reads", null, true, false);
        bool("always-show-logo", null, true, false);
        bool("protected-mode", null, false, true);
        bool("rdbcompression", null, false, true);
        bool("rdb-del-sync-files", null, false, false);
        bool("activerehashing", null, false, true);
        bool("stop-writes-on-bgsave-error", null, false, true);
        bool("set-proc-title", null, true, true);
        bool("dynamic-hz", null, false, true);
        bool("lazyfree-lazy-eviction", null, false, false);
        bool("lazyfree-lazy-expire", null, false, false);
        bool("lazyfree-lazy-server-del", null, false, false);
        bool("lazyfree-lazy-user-del", null, false, false);
        bool("lazyfree-lazy-user-flush", null, false, false);
        bool("repl-disable-tcp-nodelay", null, false, false);
        bool("repl-diskless-sync", null, false, true);
        bool("aof-rewrite-incremental-fsync", null, false, true);
        bool("no-appendfsync-on-rewrite", null, false, false);
        bool("cluster-require-full-coverage", null, false, true);
        bool("rdb-save-incremental-fsync", null, false, true);
        bool("aof-load-truncated", null, false, true);
        bool("aof-use-rdb-preamble", null, false, true);
        bool("aof-timestamp-enabled", null, false, false);
        bool("cluster-replica-no-failover", "cluster-slave-no-failover", false, false);
        bool("replica-lazy-flush", "slave-lazy-flush", false, false);
        bool("replica-serve-stale-data", "slave-serve-stale-data", false, true);
        bool("replica-read-only", "slave-read-only", false, true);
        bool("replica-ignore-maxmemory", "slave-ignore-maxmemory", false, true);
        bool("jemalloc-bg-thread", null, false, true);
        bool("activedefrag", null, false, false);
        bool("syslog-enabled", null, true, false);
        bool("cluster-enabled", null, true, false);
        bool("appendonly", null, false, false);
        bool("cluster-allow-reads-when-down", null, false, false);
        bool("cluster-allow-pubsubshard-when-down", null, false, true);
        bool("crash-log-enabled", null, false, true);
        bool("crash-memcheck-enabled", null, false, true);
        bool("use-exit-on-panic", null, false, false);
        bool("disable-thp", null, true, true);
        bool("cluster-allow-replica-migration", null, false, true);
        bool("replica-announced", null, false, true);
        bool("latency-tracking", null, false, true);
        bool("aof-disable-auto-gc", null, false, false);
        bool("replica-ignore-disk-write-errors", null, false, false);
        string("aclfile", null, true, "");
        string("unixsocket", null, true, "");
        string("pidfile", null, true, "");
        string("replica-announce-ip", "slave-announce-ip", false, "");
        string("masteruser", null, false, "");
        string("cluster-announce-ip", null, false, "");
        string("cluster-config-file", null, true, "nodes.conf");
        string("cluster-announce-hostname", null, false, "");
        string("syslog-ident", null, true, "redis");
        string("dbfilename", null, false, "dump.rdb");
        string("appendfilename", null, true, "appendonly.aof");
        string("appenddirname", null, true, "appendonlydir");
        string("server_cpulist", null, true, "");
        string("bio_cpulist", null, true, "");
        string("aof_rewrite_cpulist", null, true, "");
        string("bgsave_cpulist", null, true, "");
        string("ignore-warnings", null, false, "");
        string("proc-title-template", null, false, "{title} {listen-addr} {server-mode}");
        string("bind-source-addr", null, false, "");
        string("logfile", null, true, "");
        string("masterauth", null, false, "");
        string("requirepass", null, false, "");
        enumeration("supervised", null, true, "no", "upstart", "systemd", "auto", "no");
        enumeration("syslog-facility", null, true, "local0", "user", "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7");
        enumeration("repl-diskless-load", null, false, "disabled", "disabled", "on-empty-db", "swapdb");
        enumeration("loglevel", null, false, "notice", "debug", "verbose", "notice", "warning");
        enumeration("maxmemory-policy", null, false, "noeviction", "volatile-lru", "volatile-lfu", "volatile-random", "volatile-ttl", "allkeys-lru", "allkeys-lfu", "allkeys-random", "noeviction");
        enumeration("appendfsync", null, false, "everysec", "everysec", "always", "no");
        enumeration("oom-score-adj", null, false, "no", "no", "yes", "relative", "absolute");
        enumeration("acl-pubsub-default", null, false, "resetchannels", "allchannels", "resetchannels");
        enumeration("sanitize-dump-payload", null, false, "no", "no", "yes", "clients");
        enumeration("enable-protected-configs", null, true, "no", "no", "yes", "local");
        enumeration("enable-debug-command", null, true, "no", "no", "yes", "local");
        enumeration("enable-module-command", null, true, "no", "no", "yes", "local");
        enumeration("cluster-preferred-endpoint-type", null, false, "ip", "ip", "hostname", "unknown-endpoint");
        enumeration("propagation-error-behavior", null, false, "ignore", "ignore", "panic", "panic-on-replicas");
        special("shutdown-on-sigint", null, false, "default"); // flags: SpecialValues.shutdownFlags
        special("shutdown-on-sigterm", null, false, "default");
        number(ConfigParam.Type.INT, "databases", null, true, 1L, Integer.MAX_VALUE, 16L);
        number(ConfigParam.Type.INT, "port", null, false, 0L, 65535L, 6379L);
        number(ConfigParam.Type.INT, "io-threads", null, true, 1L, 128L, 1L);
        number(ConfigParam.Type.INT, "auto-aof-rewrite-percentage", null, false, 0L, Integer.MAX_VALUE, 100L);
        number(ConfigParam.Type.INT, "cluster-replica-validity-factor", "cluster-slave-validity-factor", false, 0L, Integer.MAX_VALUE, 10L);
        number(ConfigParam.Type.INT, "list-max-listpack-size", "list-max-ziplist-size", false, Integer.MIN_VALUE, Integer.MAX_VALUE, -2L);
        number(ConfigParam.Type.INT, "tcp-keepalive", null, false, 0L, Integer.MAX_VALUE, 300L);
        number(ConfigParam.Type.INT, "cluster-migration-barrier", null, false, 0L, Integer.MAX_VALUE, 1L);
        number(ConfigParam.Type.INT, "active-defrag-cycle-min", null, false, 1L, 99L, 1L);
        number(ConfigParam.Type.INT, "active-defrag-cycle-max", null, false, 1L, 99L, 25L);
        number(ConfigParam.Type.INT, "active-defrag-threshold-lower", null, false, 0L, 1000L, 10L);
        number(ConfigParam.Type.INT, "active-defrag-threshold-upper", null, false, 0L, 1000L, 100L);
        number(ConfigParam.Type.INT, "lfu-log-factor", null, false, 0L, Integer.MAX_VALUE, 10L);
        number(ConfigParam.Type.INT, "lfu-decay-time", null, false, 0L, Integer.MAX_VALUE, 1L);
        number(ConfigParam.Type.INT, "replica-priority", "slave-priority", false, 0L, Integer.MAX_VALUE, 100L);
        number(ConfigParam.Type.INT, "repl-diskless-sync-delay", null, false, 0L, Integer.MAX_VALUE, 5L);
        number(ConfigParam.Type.INT, "maxmemory-samples", null, false, 1L, Integer.MAX_VALUE, 5L);
        number(ConfigParam.Type.INT, "maxmemory-eviction-tenacity", null, false, 0L, 100L, 10L);
        number(ConfigParam.Type.INT, "timeout", null, false, 0L, Integer.MAX_VALUE, 0L);
        number(ConfigParam.Type.INT, "replica-announce-port", "slave-announce-port", false, 0L, 65535L, 0L);
        number(ConfigParam.Type.INT, "tcp-backlog", null, true, 0L, Integer.MAX_VALUE, 511L);
        number(ConfigParam.Type.INT, "cluster-port", null, true, 0L, 65535L, 0L);
        number(ConfigParam.Type.INT, "cluster-announce-bus-port", null, false, 0L, 65535L, 0L);
        number(ConfigParam.Type.INT, "cluster-announce-port", null, false, 0L, 65535L, 0L);
        number(ConfigParam.Type.INT, "cluster-announce-tls-port", null, false, 0L, 65535L, 0L);
        number(ConfigParam.Type.INT, "repl-timeout", null, false, 1L, Integer.MAX_VALUE, 60L);
        number(ConfigParam.Type.INT, "repl-ping-replica-period", "repl-ping-slave-period", false, 1L, Integer.MAX_VALUE, 10L);
        number(ConfigParam.Type.INT, "list-compress-depth", null, false, 0L, Integer.MAX_VALUE, 0L);
        number(ConfigParam.Type.INT, "rdb-key-save-delay", null, false, Integer.MIN_VALUE, Integer.MAX_VALUE, 0L);
        number(ConfigParam.Type.INT, "key-load-delay", null, false, Integer.MIN_VALUE, Integer.MAX_VALUE, 0L);
        number(ConfigParam.Type.INT, "active-expire-effort", null, false, 1L, 10L, 1L);
        number(ConfigParam.Type.INT, "hz", null, false, 0L, Integer.MAX_VALUE, 10);
        number(ConfigParam.Type.INT, "min-replicas-to-write", "min-slaves-to-write", false, 0L, Integer.MAX_VALUE, 0L);
        number(ConfigParam.Type.INT, "min-replicas-max-lag", "min-slaves-max-lag", false, 0L, Integer.MAX_VALUE, 10L);
        number(ConfigParam.Type.INT, "watchdog-period", null, false, 0L, Integer.MAX_VALUE, 0L);
        number(ConfigParam.Type.INT, "shutdown-timeout", null, false, 0L, Integer.MAX_VALUE, 10L);
        number(ConfigParam.Type.INT, "repl-diskless-sync-max-replicas", null, false, 0L, Integer.MAX_VALUE, 0L);
        number(ConfigParam.Type.INT, "maxclients", null, false, 1L, 4294967295L, 10000L);
        number(ConfigParam.Type.INT, "unixsocketperm", null, true, 0L, 0777, 0L);
        number(ConfigParam.Type.INT, "socket-mark-id", null, true, 0L, 4294967295L, 0L);
        number(ConfigParam.Type.INT, "active-defrag-max-scan-fields", null, false, 1L, Long.MAX_VALUE, 1000L);
        number(ConfigParam.Type.INT, "slowlog-max-len", null, false, 0L, Long.MAX_VALUE, 128L);
        number(ConfigParam.Type.INT, "acllog-max-len", null, false, 0L, Long.MAX_VALUE, 128L);
        number(ConfigParam.Type.INT, "busy-reply-threshold", "lua-time-limit", false, 0L, Long.MAX_VALUE, 5000L);
        number(ConfigParam.Type.INT, "cluster-node-timeout", null, false, 0L, Long.MAX_VALUE, 15000L);
        number(ConfigParam.Type.INT, "slowlog-log-slower-than", null, false, -1L, Long.MAX_VALUE, 10000L);
        number(ConfigParam.Type.INT, "latency-monitor-threshold", null, false, 0L, Long.MAX_VALUE, 0L);
        number(ConfigParam.Type.MEMORY, "proto-max-bulk-len", null, false, 1048576L, Long.MAX_VALUE, 536870912L);
        number(ConfigParam.Type.INT, "stream-node-max-entries", null, false, 0L, Long.MAX_VALUE, 100L);
        number(ConfigParam.Type.MEMORY, "repl-backlog-size", null, false, 1L, Long.MAX_VALUE, 1048576L);
        number(ConfigParam.Type.MEMORY, "maxmemory", null, false, 0L, Long.MAX_VALUE, 0L);
        number(ConfigParam.Type.MEMORY, "cluster-link-sendbuf-limit", null, false, 0L, Long.MAX_VALUE, 0L);
        number(ConfigParam.Type.INT, "hash-max-listpack-entries", "hash-max-ziplist-entries", false, 0L, Long.MAX_VALUE, 512L);
        number(ConfigParam.Type.INT, "set-max-intset-entries", null, false, 0L, Long.MAX_VALUE, 512L);
        number(ConfigParam.Type.INT, "zset-max-listpack-entries", "zset-max-ziplist-entries", false, 0L, Long.MAX_VALUE, 128L);
        number(ConfigParam.Type.MEMORY, "active-defrag-ignore-bytes", null, false, 1L, Long.MAX_VALUE, 104857600L);
        number(ConfigParam.Type.MEMORY, "hash-max-listpack-value", "hash-max-ziplist-value", false, 0L, Long.MAX_VALUE, 64L);
        number(ConfigParam.Type.MEMORY, "stream-node-max-bytes", null, false, 0L, Long.MAX_VALUE, 4096L);
        number(ConfigParam.Type.MEMORY, "zset-max-listpack-value", "zset-max-ziplist-value", false, 0L, Long.MAX_VALUE, 64L);
        number(ConfigParam.Type.MEMORY, "hll-sparse-max-bytes", null, false, 0L, Long.MAX_VALUE, 3000L);
        number(ConfigParam.Type.INT, "tracking-table-max-keys", null, false, 0L, Long.MAX_VALUE, 1000000L);
        number(ConfigParam.Type.MEMORY, "client-query-buffer-limit", null, false, 1048576L, Long.MAX_VALUE, 1073741824L);
        number(ConfigParam.Type.MEMORY, "maxmemory-clients", null, false, -100L, Long.MAX_VALUE, 0L);
        number(ConfigParam.Type.INT, "repl-backlog-ttl", null, false, 0L, Long.MAX_VALUE, 3600L);
        number(ConfigParam.Type.MEMORY, "auto-aof-rewrite-min-size", null, false, 0L, Long.MAX_VALUE, 67108864L);
        number(ConfigParam.Type.INT, "loading-process-events-interval-bytes", null, false, 1024L, Integer.MAX_VALUE, 2097152L);
        number(ConfigParam.Type.INT, "tls-port", null, false, 0L, 65535L, 0L);
        number(ConfigParam.Type.INT, "tls-session-cache-size", null, false, 0L, Integer.MAX_VALUE, 20480L);
        number(ConfigParam.Type.INT, "tls-session-cache-timeout", null, false, 0L, Integer.MAX_VALUE, 300L);
        bool("tls-cluster", null, false, false);
        bool("tls-replication", null, false, false);
        enumeration("tls-auth-clients", null, false, "yes", "no", "yes", "optional");
        bool("tls-prefer-server-ciphers", null, false, false);
        bool("tls-session-caching", null, false, true);
        string("tls-cert-file", null, false, "");
        string("tls-key-file", null, false, "");
        string("tls-key-file-pass", null, false, "");
        string("tls-client-cert-file", null, false, "");
        string("tls-client-key-file", null, false, "");
        string("tls-client-key-file-pass", null, false, "");
        string("tls-dh-params-file", null, false, "");
        string("tls-ca-cert-file", null, false, "");
        string("tls-ca-cert-dir", null, false, "");
        string("tls-protocols", null, false, "");
        string("tls-ciphers", null, false, "");
        string("tls-ciphersuites", null, false, "");
        //special dir
        //special save
        //special client-output-buffer-limit
        //special oom-score-adj-values
        //special notify-keyspace-events
        //special bind
        //special replicaof
        //special latency-tracking-info-percentiles
        special("dir", null, false, Path.of("").toAbsolutePath().toString());
        special("save", null, false, "3600 1 300 100 60 10000");
        special("client-output-buffer-limit", null, false,
                "normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60");
        special("oom-score-adj-values", null, false, "0 200 800");
        special("notify-keyspace-events", null, false, "");
        special("bind", null, false, "* -::*");
        special("replicaof", "slaveof", true, "");
        special("latency-tracking-info-percentiles", null, false, "50 99 99.9");
        SpecialValues.install(this);
    }

    // ---- declaration helpers ----

    private void add(ConfigParam p) {
        p.value = p.defaultValue;
        p.number = p.numberOf(p.defaultValue);
        if (byName.put(p.name, p) != null) throw new IllegalStateException("duplicate config " + p.name);
        for (String a : p.aliases) byName.put(a, p);
        ordered.add(p);
    }

    private static List<String> aliases(String alias) {
        return alias == null ? List.of() : List.of(alias);
    }

    private void bool(String name, String alias, boolean immutable, boolean def) {
        add(new ConfigParam(name, aliases(alias), ConfigParam.Type.BOOL, 0, 1, null, immutable, false, def ? "yes" : "no"));
    }

    private void string(String name, String alias, boolean immutable, String def) {
        add(new ConfigParam(name, aliases(alias), ConfigParam.Type.STRING, 0, 0, null, immutable, false, def));
    }

    private void enumeration(String name, String alias, boolean immutable, String def, String... values) {
        add(new ConfigParam(name, aliases(alias), ConfigParam.Type.ENUM, 0, 0, values, immutable, false, def));
    }

    private void number(ConfigParam.Type type, String name, String alias, boolean immutable, long min, long max, long def) {
        add(new ConfigParam(name, aliases(alias), type, min, max, null, immutable, false, Long.toString(def)));
    }

    private void special(String name, String alias, boolean immutable, String def) {
        add(new ConfigParam(name, aliases(alias), ConfigParam.Type.SPECIAL, 0, 0, null, immutable, true, def));
    }

    void validator(String name, SpecialValidator v) {
        validators.put(name, v);
    }

    // ---- access ----

    public ConfigParam param(String name) {
        // The code asks with lower-case literals on hot paths: try as given before lower-casing.
        ConfigParam p = byName.get(name);
        return p != null ? p : byName.get(name.toLowerCase(Locale.ROOT));
    }

    public Collection<ConfigParam> params() {
        return ordered;
    }

    public String get(String name) {
        ConfigParam p = param(name);
        if (p == null) throw new IllegalArgumentException("unknown config " + name);
        return p.value;
    }

    public long getLong(String name) {
        ConfigParam p = param(name);
        if (p == null) throw new IllegalArgumentException("unknown config " + name);
        return p.number;
    }

    public int getInt(String name) {
        return (int) Math.min(Integer.MAX_VALUE, getLong(name));
    }

    public boolean getBool(String name) {
        return getLong(name) != 0;
    }

    public Path configFile() {
        return configFile;
    }

    public void setConfigFile(Path file) {
        this.configFile = file.toAbsolutePath();
    }

    public List<String[]> extraDirectives() {
        return extraDirectives;
    }

    /** Calls {@code listener} after each change of {@code name} (not for the initial value). */
    public void onChange(String name, Consumer<ConfigParam> listener) {
        ConfigParam p = param(name);
        if (p == null) throw new IllegalArgumentException("unknown config " + name);
        listeners.computeIfAbsent(p.name, k -> new ArrayList<>()).add(listener);
    }

    /** Validates a value without applying it; returns the canonical form. */
    public String check(String name, String value) throws ConfigException {
        ConfigParam p = param(name);
        if (p == null) throw new ConfigException("Unknown option or number of arguments for CONFIG SET - '" + name + "'");
        String canonical = p.canonical(value);
        SpecialValidator v = validators.get(p.name);
        if (v != null) canonical = v.check(canonical);
        return canonical;
    }

    /** Sets a parameter (validated, listeners run). Immutability is checked by CONFIG SET, not here. */
    public void set(String name, String value) throws ConfigException {
        ConfigParam p = param(name);
        if (p == null) throw new ConfigException("Bad directive or wrong number of arguments");
        String canonical = check(p.name, value);
        p.value = canonical;
        p.number = p.numberOf(canonical);
        List<Consumer<ConfigParam>> ls = listeners.get(p.name);
        if (ls != null) for (Consumer<ConfigParam> l : ls) l.accept(p);
    }

    /** Sets without listeners or validation of immutability, for startup. */
    public void setUnchecked(String name, String value) {
        try {
            set(name, value);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    // ---- loading ----

    /**
     * Loads a redis.conf-style text: one directive per line, '#' comments, quoted arguments.
     * Multi-argument parameters given several times (save) accumulate, as in Redis.
     * Throws with Redis' "FATAL CONFIG FILE ERROR" report on a bad line.
     */
    public void load(String text, String sourceName) throws ConfigException {
        String[] lines = text.split("\n", -1);
        Map<String, Boolean> seenMulti = new LinkedHashMap<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            List<String> args = ConfigLexer.split(line);
            if (args == null) throw fatal(i + 1, line, "Unbalanced quotes in configuration line");
            if (args.isEmpty()) continue;
            String name = args.get(0).toLowerCase(Locale.ROOT);
            try {
                applyDirective(name, args.subList(1, args.size()), seenMulti);
            } catch (ConfigException e) {
                throw fatal(i + 1, line, e.getMessage());
            }
        }
    }

    private void applyDirective(String name, List<String> args, Map<String, Boolean> seenMulti) throws ConfigException {
        if (name.equals("include")) {
            if (args.size() != 1) throw new ConfigException("Bad directive or wrong number of arguments");
            try {
                load(Files.readString(Path.of(args.get(0)), StandardCharsets.UTF_8), args.get(0));
            } catch (IOException e) {
                throw new ConfigException("Fatal error, can't open config file '" + args.get(0) + "': " + e.getMessage());
            }
            return;
        }
        if (name.equals("user") || name.equals("rename-command") || name.equals("loadmodule")
                || name.equals("sentinel")) {
            String[] d = new String[args.size() + 1];
            d[0] = name;
            for (int i = 0; i < args.size(); i++) d[i + 1] = args.get(i);
            extraDirectives.add(d);
            return;
        }
        ConfigParam p = param(name);
        if (p == null) throw new ConfigException("Bad directive or wrong number of arguments");
        if (p.multiArg) {
            String joined = String.join(" ", args);
            if (p.name.equals("save") && Boolean.TRUE.equals(seenMulti.get("save")) && !joined.isEmpty()) {
                String prev = p.value;
                joined = prev.isEmpty() ? joined : prev + " " + joined;
            }
            if (p.name.equals("client-output-buffer-limit") && Boolean.TRUE.equals(seenMulti.get(p.name))) {
                joined = SpecialValues.mergeOutputLimits(p.value, joined);
            }
            seenMulti.put(p.name, true);
            set(p.name, joined);
        } else {
            if (args.size() != 1) throw new ConfigException("Bad directive or wrong number of arguments");
            set(p.name, args.get(0));
        }
    }

    public void loadFile(Path file) throws ConfigException {
        this.configFile = file.toAbsolutePath();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("Fatal error, can't open config file '" + file + "': " + e.getMessage());
        }
        load(text, file.toString());
    }

    private static ConfigException fatal(int lineNo, String line, String reason) {
        return new ConfigException("\n*** FATAL CONFIG FILE ERROR (Redis 7.0.15) ***\n"
                + "Reading the configuration file, at line " + lineNo + "\n>>> '" + line + "'\n" + reason);
    }
}
