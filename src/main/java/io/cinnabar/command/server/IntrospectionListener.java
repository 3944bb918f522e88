package io.cinnabar.command.server;

import io.cinnabar.command.CallListener;
import io.cinnabar.command.CommandEntry;
import io.cinnabar.command.CommandFlag;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.config.ConfigParam;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.ClientConnection;
import io.cinnabar.server.Server;
import java.nio.charset.StandardCharsets;

/**
 * What Redis' call() does after a command beyond statistics: latency histograms
 * (latency-tracking), the latency monitor's "command"/"fast-command" events, the slow log, and
 * the MONITOR feed (replicationFeedMonitors, with AUTH/HELLO/MIGRATE secrets redacted).
 */
final class IntrospectionListener implements CallListener {
    private final Server server;
    // Read once per command: held directly instead of looked up by name each time.
    private final ConfigParam latencyTracking;
    private final ConfigParam latencyThreshold;
    private final ConfigParam slowerThan;
    private final ConfigParam slowlogMaxLen;

    IntrospectionListener(Server server) {
        this.server = server;
        this.latencyTracking = server.config().param("latency-tracking");
        this.latencyThreshold = server.config().param("latency-monitor-threshold");
        this.slowerThan = server.config().param("slowlog-log-slower-than");
        this.slowlogMaxLen = server.config().param("slowlog-max-len");
    }

    @Override public void called(ClientConnection c, CommandEntry e, Argv argv, long micros) {
        CommandSpec spec = e.spec();
        if (latencyTracking.number() != 0) server.latency().recordCall(e, micros);
        long nowMs = server.clock().millis();
        server.latency().addIfNeeded(latencyThreshold.number(),
                spec.has(CommandFlag.FAST) ? "fast-command" : "command", micros / 1000, nowMs / 1000);
        boolean script = c.has(ClientConnection.LUA);
        long slower = slowerThan.number();
        if (!script && slower >= 0 && micros >= slower && !spec.has(CommandFlag.SKIP_SLOWLOG)) {
            server.slowlog().push(redacted(spec, argv), argv.size(), micros, nowMs / 1000, c.addr(), c.name,
                    slowlogMaxLen.number());
        }
        if (!server.monitors().isEmpty() && !spec.has(CommandFlag.SKIP_MONITOR | CommandFlag.ADMIN)) {
            feedMonitors(c, spec, argv, nowMs);
        }
    }

    private void feedMonitors(ClientConnection c, CommandSpec spec, Argv argv, long nowMs) {
        StringBuilder sb = new StringBuilder(64);
        sb.append(nowMs / 1000).append('.').append(String.format("%06d", (nowMs % 1000) * 1000)).append(" [")
                .append(c.db).append(' ');
        if (c.has(ClientConnection.LUA)) sb.append("lua");
        else if (c.isUnixSocket()) sb.append("unix:").append(server.config().get("unixsocket"));
        else sb.append(c.addr());
        sb.append(']');
        byte[][] args = redacted(spec, argv);
        for (byte[] a : args) {
            sb.append(' ');
            repr(sb, a);
        }
        String line = sb.toString();
        for (ClientConnection m : server.monitors()) {
            if (m.isClosed()) continue;
            m.out().simple(line);
            server.markPendingFlush(m);
        }
    }

    private static final byte[] REDACTED = "(redacted)".getBytes(StandardCharsets.US_ASCII);

    /** The arguments with secrets replaced, as AUTH, HELLO, ACL SETUSER and MIGRATE redact them. */
    static byte[][] redacted(CommandSpec spec, Argv argv) {
        byte[][] a = argv.toArray();
        String n = spec.fullName();
        if (n.equals("auth")) {
            for (int i = 1; i < a.length; i++) a[i] = REDACTED;
        } else if (n.equals("acl|setuser")) {
            for (int i = 2; i < a.length; i++) a[i] = REDACTED; // the name and every rule (passwords)
        } else if (n.equals("hello")) {
            for (int i = 2; i < a.length; i++) {
                if (argv.is(i, "auth") && i + 2 < a.length) {
                    a[i + 1] = REDACTED;
                    a[i + 2] = REDACTED;
                    i += 2;
                }
            }
        } else if (n.equals("migrate")) {
            for (int i = 6; i < a.length; i++) {
                if (argv.is(i, "auth") && i + 1 < a.length) {
                    a[++i] = REDACTED;
                } else if (argv.is(i, "auth2") && i + 2 < a.length) {
                    a[i + 1] = REDACTED;
                    a[i + 2] = REDACTED;
                    i += 2;
                } else if (argv.is(i, "keys")) {
                    break;
                }
            }
        }
        return a;
    }

    /** sdscatrepr: a quoted string with C escapes. */
    static void repr(StringBuilder sb, byte[] s) {
        sb.append('"');
        for (byte b : s) {
            int ch = b & 0xff;
            switch (ch) {
                case '\\': sb.append("\\\\"); break;
                case '"': sb.append("\\\""); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                case 7: sb.append("\\a"); break;
                case 8: sb.append("\\b"); break;
                default:
                    if (ch >= 32 && ch < 127) sb.append((char) ch);
                    else sb.append(String.format("\\x%02x", ch));
            }
        }
        sb.append('"');
    }
}
