package io.cinnabar.scripting;

import io.cinnabar.command.Ctx;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespOut;
import io.cinnabar.server.ClientConnection;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.WeakHashMap;
import org.luaj.vm2.LuaValue;

/**
 * A reduced Lua debugger (ldb) for SCRIPT DEBUG YES/SYNC: an EVAL starts a session stopped at
 * line 1, and while it lasts the client's commands are debugger commands: {@code c}/{@code
 * continue} runs the script to its end, {@code a}/{@code abort} drops it, {@code r}/{@code redis}
 * runs a command as the script would, anything else is "Unknown Redis Lua debugger command".
 * Each session ends the connection, as Redis' does. Stepping, breakpoints and inspection are not
 * implemented (no Redis client uses them; redis-cli --ldb does).
 */
final class ScriptDebugger {
    private static final class Session {
        final Argv eval;
        final String sha;

        Session(Argv eval, String sha) {
            this.eval = eval;
            this.sha = sha;
        }
    }

    private final Scripting host;
    /** Clients that asked for debugging (SCRIPT DEBUG YES/SYNC) and the sessions in progress. */
    private final Map<ClientConnection, Boolean> debugging = new WeakHashMap<>();
    private final Map<ClientConnection, Session> sessions = new WeakHashMap<>();

    ScriptDebugger(Scripting host) {
        this.host = host;
    }

    void mode(ClientConnection c, boolean on) {
        if (on) debugging.put(c, Boolean.TRUE);
        else debugging.remove(c);
    }

    /** EVAL from a client in debug mode: starts a session instead of running; false otherwise. */
    boolean startSession(Ctx ctx, Argv argv, String sha, byte[] body) {
        ClientConnection c = ctx.client();
        if (debugging.isEmpty() || !debugging.containsKey(c)) return false;
        debugging.remove(c);
        sessions.put(c, new Session(argv.copy(), sha));
        String first = new String(body, StandardCharsets.UTF_8);
        int nl = first.indexOf('\n');
        if (nl >= 0) first = first.substring(0, nl);
        log(ctx.out(), "* Stopped at 1, stop reason = step over", "-> 1   " + first);
        return true;
    }

    /** A command from a client in a session: handled here (true) or not in a session (false). */
    boolean intercept(Ctx ctx, Argv argv) {
        if (sessions.isEmpty()) return false;
        ClientConnection c = ctx.client();
        Session s = sessions.get(c);
        if (s == null || argv.size() == 0) return false;
        RespOut out = ctx.out();
        String cmd = new String(argv.get(0), StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
        switch (cmd) {
            case "c", "continue" -> {
                sessions.remove(c);
                log(out, "<endsession>");
                host.server.dispatcher().process(c, s.eval);
                c.flags |= ClientConnection.CLOSE_AFTER_REPLY;
            }
            case "a", "abort" -> {
                sessions.remove(c);
                log(out, "<endsession>");
                out.error("ERR script aborted for user request script: " + s.sha + ", on @user_script:1.");
                c.flags |= ClientConnection.CLOSE_AFTER_REPLY;
            }
            case "r", "redis" -> {
                if (argv.size() < 2) {
                    unknown(out);
                    break;
                }
                byte[][] args = new byte[argv.size() - 1][];
                StringBuilder line = new StringBuilder("<redis>");
                for (int i = 1; i < argv.size(); i++) {
                    args[i - 1] = argv.get(i);
                    line.append(' ').append(new String(args[i - 1], StandardCharsets.UTF_8));
                }
                String result;
                try {
                    result = human(host.debugCall(ctx, args));
                } catch (RuntimeException e) {
                    host.server.log().warning("Lua debugger: " + e);
                    result = "<error> " + e.getMessage();
                }
                log(out, line.toString(), result);
            }
            default -> unknown(out);
        }
        return true;
    }

    private static void unknown(RespOut out) {
        log(out, "<error> Unknown Redis Lua debugger command or wrong number of arguments.");
    }

    /** ldbRedisProtocolToHuman, from the reply as the script sees it. */
    private static String human(LuaValue v) {
        if (v.istable() && v.rawget("err").isstring()) {
            String e = v.rawget("err").tojstring();
            return "<error> " + (e.startsWith("ERR ") ? e.substring(4) : e);
        }
        return "<reply> " + value(v);
    }

    private static String value(LuaValue v) {
        switch (v.type()) {
            case LuaValue.TSTRING: return "\"" + v.tojstring() + "\"";
            case LuaValue.TNUMBER: return ":" + LuaToResp.toLong(v.todouble());
            case LuaValue.TBOOLEAN: return v.toboolean() ? ":1" : "NULL";
            case LuaValue.TTABLE: {
                if (v.rawget("ok").isstring()) return "\"+" + v.rawget("ok").tojstring() + "\"";
                StringBuilder b = new StringBuilder("[");
                for (int i = 1; !v.rawget(i).isnil(); i++) b.append(i > 1 ? "," : "").append(value(v.rawget(i)));
                return b.append(']').toString();
            }
            default: return "NULL";
        }
    }

    private static void log(RespOut out, String... lines) {
        out.arrayHeader(lines.length);
        for (String l : lines) out.simple(l);
    }
}
