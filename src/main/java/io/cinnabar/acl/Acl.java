package io.cinnabar.acl;

import io.cinnabar.command.AccessControl;
import io.cinnabar.command.CommandEntry;
import io.cinnabar.command.CommandFlag;
import io.cinnabar.command.KeyExtractor;
import io.cinnabar.command.KeySpec;
import io.cinnabar.error.RedisError;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.ClientConnection;
import io.cinnabar.server.ClientInfo;
import io.cinnabar.server.Server;
import io.cinnabar.util.Glob;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * The ACL subsystem of one server (acl.c): the users, the default user tied to requirepass, the
 * permission checks the dispatcher, EXEC and scripts run, authentication, and the ACL log.
 * A client's user is {@code ClientConnection.aclUser}; null (fake clients) may run anything.
 */
public final class Acl implements AccessControl {
    public static final int OK = 0, DENIED_CMD = 1, DENIED_KEY = 2, DENIED_AUTH = 3, DENIED_CHANNEL = 4;

    final Server server;
    final AclTable table;
    /** Users by name, in byte order as Redis' rax lists them. */
    TreeMap<String, AclUser> users = new TreeMap<>();
    final AclUser defaultUser;
    final AclLog log = new AclLog();
    private final KeyExtractor keys = new KeyExtractor();
    private boolean keysReady;
    private int localIdx;
    /** The argument position of the key or channel the last denied check refers to. */
    private int errPos;

    public Acl(Server server) {
        this.server = server;
        this.table = new AclTable(server.registry());
        this.defaultUser = createDefaultUser();
        users.put("default", defaultUser);
        updateDefaultPassword();
        server.config().onChange("requirepass", p -> updateDefaultPassword());
    }

    /** The ACL subsystem of a server, or null when it has none. */
    public static Acl of(Server server) {
        return server.acl();
    }

    AclUser createDefaultUser() {
        AclUser u = new AclUser("default", pubsubDefault());
        try {
            for (String op : new String[] {"+@all", "~*", "&*", "on", "nopass"}) u.apply(table, op, pubsubDefault());
        } catch (AclRuleException e) {
            throw new IllegalStateException(e);
        }
        return u;
    }

    String pubsubDefault() {
        return server.config().get("acl-pubsub-default");
    }

    /** ACLUpdateDefaultUserPassword: requirepass is the default user's only password, or nopass. */
    private void updateDefaultPassword() {
        String pass = server.config().get("requirepass");
        try {
            defaultUser.apply(table, "resetpass", pubsubDefault());
            defaultUser.apply(table, pass.isEmpty() ? "nopass" : ">" + Latin1.str(pass.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)), pubsubDefault());
        } catch (AclRuleException e) {
            throw new IllegalStateException(e);
        }
    }

    public AclUser user(String name) {
        return users.get(name);
    }

    Collection<AclUser> users() {
        return users.values();
    }

    // ---- authentication ----

    /** authRequired's part that does not depend on the client: the default user needs a password. */
    public boolean defaultUserRequiresAuth() {
        return (defaultUser.flags & AclUser.NOPASS) == 0 || (defaultUser.flags & AclUser.DISABLED) != 0;
    }

    /** clientSetDefaultAuth: the default user, authenticated if it needs no password. */
    public void setDefaultAuth(ClientConnection c) {
        c.aclUser = defaultUser;
        c.user = "default";
        c.authenticated = (defaultUser.flags & AclUser.NOPASS) != 0 && (defaultUser.flags & AclUser.DISABLED) == 0;
    }

    /** Whether AUTH's one-argument form is refused (the default user is nopass). */
    public boolean defaultUserIsNopass() {
        return (defaultUser.flags & AclUser.NOPASS) != 0;
    }

    /** ACLAuthenticateUser: on success the client runs as that user; a failure is logged. */
    public boolean authenticate(ClientConnection c, byte[] username, byte[] password, byte[] commandName) {
        AclUser u = users.get(Latin1.str(username));
        if (u != null && u.checkPassword(password)) {
            c.authenticated = true;
            c.aclUser = u;
            c.user = u.name;
            return true;
        }
        int context = c.has(ClientConnection.MULTI) ? AclLog.CONTEXT_MULTI : AclLog.CONTEXT_TOPLEVEL;
        addLog(c, DENIED_AUTH, context, Latin1.str(username), commandName);
        return false;
    }

    // ---- permission checks ----

    @Override public RedisError check(ClientConnection c, CommandEntry e, Argv argv, boolean inMulti) {
        Object o = c.aclUser;
        if (o == null || ((AclUser) o).unrestricted) return null;
        AclUser u = (AclUser) o;
        int r = checkUser(u, e, argv);
        if (r == OK) return null;
        logDenied(c, u, r, inMulti ? AclLog.CONTEXT_MULTI : AclLog.CONTEXT_TOPLEVEL, e, argv);
        switch (r) {
            case DENIED_CMD:
                return new RedisError("NOPERM this user has no permissions to run the '" + e.spec().fullName()
                        + "' command");
            case DENIED_KEY:
                return new RedisError("NOPERM this user has no permissions to access one of the keys used as arguments");
            default:
                return new RedisError("NOPERM this user has no permissions to access one of the channels used as "
                        + "arguments");
        }
    }

    @Override public RedisError checkQueued(ClientConnection c, CommandEntry e, Argv argv) {
        Object o = c.aclUser;
        if (o == null || ((AclUser) o).unrestricted) return null;
        int r = checkUser((AclUser) o, e, argv);
        if (r == OK) return null;
        logDenied(c, (AclUser) o, r, AclLog.CONTEXT_MULTI, e, argv);
        String reason = r == DENIED_CMD ? "no permission to execute the command or subcommand"
                : r == DENIED_KEY ? "no permission to touch the specified keys"
                : "no permission to access one of the channels used as arguments";
        return new RedisError("NOPERM ACLs rules changed between the moment the transaction was accumulated and the "
                + "EXEC call. This command is no longer allowed for the following reason: " + reason);
    }

    /**
     * For scripts (scriptVerifyACL): the check of a command a script calls on behalf of
     * {@code caller}; a denial is logged in the "lua" context and returned as the script error.
     */
    public RedisError checkScriptCall(ClientConnection caller, CommandEntry e, Argv argv) {
        Object o = caller.aclUser;
        if (o == null || ((AclUser) o).unrestricted) return null;
        int r = checkUser((AclUser) o, e, argv);
        if (r == OK) return null;
        logDenied(caller, (AclUser) o, r, AclLog.CONTEXT_LUA, e, argv);
        return new RedisError("ERR The user executing the script " + errorMessage(r));
    }

    /**
     * For scripts' redis.call, as {@link #checkScriptCall} but returning the error text without its
     * "ERR " code ("The user executing the script can't run this command or subcommand"), or null.
     */
    public String scriptCallError(ClientConnection caller, CommandEntry e, Argv argv) {
        RedisError denied = checkScriptCall(caller, e, argv);
        return denied == null ? null : denied.getMessage().substring(4);
    }

    /** For redis.acl_check_cmd: whether the caller's user may run argv, without logging. */
    public boolean mayRun(ClientConnection caller, CommandEntry e, Argv argv) {
        Object o = caller.aclUser;
        return o == null || ((AclUser) o).unrestricted || checkUser((AclUser) o, e, argv) == OK;
    }

    /** getAclErrorMessage. */
    public static String errorMessage(int result) {
        switch (result) {
            case DENIED_CMD: return "can't run this command or subcommand";
            case DENIED_KEY: return "can't access at least one of the keys mentioned in the command arguments";
            case DENIED_CHANNEL: return "can't publish to the channel mentioned in the command";
            default: return "lacking the permissions for the command";
        }
    }

    /** ACLCheckAllUserCommandPerm: OK if any selector allows it; else the most relevant denial. */
    int checkUser(AclUser u, CommandEntry e, Argv argv) {
        table.refresh();
        keysReady = false;
        int relevant = DENIED_CMD;
        int lastIdx = 0;
        localIdx = 0;
        for (AclSelector s : u.selectors) {
            int r = checkSelector(s, e, argv);
            if (r == OK) return OK;
            if (r > relevant || (r == relevant && localIdx > lastIdx)) {
                relevant = r;
                lastIdx = localIdx;
            }
        }
        errPos = lastIdx;
        return relevant;
    }

    int errorPosition() {
        return errPos;
    }

    /** ACLSelectorCheckCmd. */
    private int checkSelector(AclSelector s, CommandEntry e, Argv argv) {
        int id = e.id();
        if ((s.flags & AclSelector.ALLCOMMANDS) == 0 && !e.spec().has(CommandFlag.NO_AUTH) && !s.bit(id)) {
            List<String> first = s.firstArgs == null || argv.size() < 2 ? null : s.firstArgs.get(id);
            if (first == null) return DENIED_CMD;
            String arg = Latin1.str(argv.get(e.parent() != null ? 2 : 1));
            boolean found = false;
            for (String a : first) found |= a.equalsIgnoreCase(arg);
            if (!found) return DENIED_CMD;
        }
        if ((s.flags & AclSelector.ALLKEYS) == 0 && table.hasKeys(id)) {
            if (!keysReady) {
                keys.extract(e.spec(), argv);
                keysReady = true;
            }
            for (int j = 0; j < keys.count(); j++) {
                int pos = keys.position(j);
                if (!keyAllowed(s, argv.get(pos), keys.flags(j))) {
                    localIdx = pos;
                    return DENIED_KEY;
                }
            }
        }
        int kind = table.channelKind(id);
        if ((s.flags & AclSelector.ALLCHANNELS) == 0 && kind != AclTable.CHANNELS_NONE) {
            int last = kind == AclTable.CHANNELS_PUBLISH ? Math.min(1, argv.size() - 1) : argv.size() - 1;
            for (int pos = 1; pos <= last; pos++) {
                if (!channelAllowed(s.channels, argv.get(pos), kind == AclTable.CHANNELS_PSUBSCRIBE)) {
                    localIdx = pos;
                    return DENIED_CHANNEL;
                }
            }
        }
        return OK;
    }

    /** ACLSelectorCheckKey: a pattern with the permissions the key spec needs must match. */
    static boolean keyAllowed(AclSelector s, byte[] key, int keySpecFlags) {
        if ((s.flags & AclSelector.ALLKEYS) != 0) return true;
        int need = neededPerms(keySpecFlags);
        for (AclSelector.Pattern p : s.keys) {
            if ((p.perms & need) != need) continue;
            if (Glob.match(p.bytes, key, false)) return true;
        }
        return false;
    }

    /** The key pattern permissions a key spec's flags need: reading for access, writing for changes. */
    private static int neededPerms(int keySpecFlags) {
        int need = 0;
        if ((keySpecFlags & KeySpec.ACCESS) != 0) need |= AclSelector.READ;
        if ((keySpecFlags & (KeySpec.INSERT | KeySpec.DELETE | KeySpec.UPDATE)) != 0) need |= AclSelector.WRITE;
        return need;
    }

    /** Usernames (and patterns) may not contain spaces or NUL (ACLStringHasSpaces). */
    public static boolean hasSpaces(String s) {
        return AclSelector.hasSpaces(s);
    }

    /** ACLSelectorHasUnrestrictedKeyAccess: "*" (or allkeys) with the permissions the flags need. */
    static boolean unrestrictedKeyAccess(AclSelector s, int keySpecFlags) {
        if ((s.flags & AclSelector.ALLKEYS) != 0) return true;
        int need = neededPerms(keySpecFlags);
        for (AclSelector.Pattern p : s.keys) {
            if ((p.perms & need) == need && p.text.equals("*")) return true;
        }
        return false;
    }

    /**
     * ACLUserCheckCmdWithUnrestrictedKeyAccess, for SORT's BY and GET: some selector allows the
     * command and grants the access in {@code keySpecFlags} to every key.
     */
    public boolean mayAccessAllKeys(ClientConnection c, CommandEntry e, Argv argv, int keySpecFlags) {
        Object o = c.aclUser;
        if (o == null || ((AclUser) o).unrestricted) return true;
        AclUser u = (AclUser) o;
        table.refresh();
        keysReady = false;
        for (AclSelector s : u.selectors) {
            if (checkSelector(s, e, argv) == OK && unrestrictedKeyAccess(s, keySpecFlags)) return true;
        }
        return false;
    }

    /** ACLCheckChannelAgainstList: literal comparison for patterns, glob matching for channels. */
    static boolean channelAllowed(List<AclSelector.Pattern> list, byte[] channel, boolean isPattern) {
        for (AclSelector.Pattern p : list) {
            if (isPattern ? java.util.Arrays.equals(p.bytes, channel) : Glob.match(p.bytes, channel, false)) {
                return true;
            }
        }
        return false;
    }

    // ---- the log ----

    private void logDenied(ClientConnection c, AclUser u, int reason, int context, CommandEntry e, Argv argv) {
        byte[] object = reason == DENIED_CMD ? Latin1.bytes(e.spec().fullName()) : argv.get(errPos);
        addLog(c, reason == DENIED_CMD ? AclLog.REASON_COMMAND : reason == DENIED_KEY ? AclLog.REASON_KEY
                : AclLog.REASON_CHANNEL, context, u.name, object);
    }

    private void addLog(ClientConnection c, int reason, int context, String username, byte[] object) {
        if (reason == DENIED_AUTH) reason = AclLog.REASON_AUTH;
        String info = c.isFake() ? "" : ClientInfo.describe(server, c);
        log.add(reason, context, object, username, server.clock().millis(), info,
                server.config().getLong("acllog-max-len"));
    }

    // ---- users changing ----

    /**
     * ACLStringSetUser: applies the rules to a copy and commits them only if all are valid.
     * Returns the error text, or null.
     */
    public String setUser(String name, List<String> ops, ClientConnection current) {
        List<String> merged;
        try {
            merged = Args.mergeSelectors(ops);
        } catch (Args.UnmatchedParenthesis e) {
            return "Unmatched parenthesis in acl selector starting at '" + ops.get(e.index) + "'.";
        }
        table.refresh();
        AclUser existing = users.get(name);
        AclUser temp = new AclUser(name, pubsubDefault());
        if (existing != null) temp.copyFrom(existing);
        for (String op : merged) {
            try {
                temp.apply(table, op, pubsubDefault());
            } catch (AclRuleException e) {
                return "Error in ACL SETUSER modifier '" + op + "': " + e.getMessage();
            }
        }
        if (existing != null) {
            killPubsubClientsIfNeeded(temp, existing, current);
        } else {
            existing = new AclUser(name, pubsubDefault());
            users.put(name, existing);
        }
        existing.copyFrom(temp);
        return null;
    }

    /** ACLFreeUserAndKillClients: the user's clients go back to the default user and are closed. */
    void killClientsOf(AclUser u, ClientConnection current) {
        List<ClientConnection> victims = new ArrayList<>();
        for (ClientConnection c : server.clients().values()) if (c.aclUser == u) victims.add(c);
        for (ClientConnection c : victims) {
            c.aclUser = defaultUser;
            c.user = "default";
            c.authenticated = false;
            if (c == current) c.flags |= ClientConnection.CLOSE_AFTER_REPLY;
            else server.closeClient(c);
        }
    }

    /** ACLKillPubsubClientsIfNeeded: subscribers whose channels the new rules no longer allow. */
    private void killPubsubClientsIfNeeded(AclUser fresh, AclUser original, ClientConnection current) {
        List<AclSelector.Pattern> upcoming = new ArrayList<>();
        for (AclSelector s : fresh.selectors) {
            if ((s.flags & AclSelector.ALLCHANNELS) != 0) return;
            upcoming.addAll(s.channels);
        }
        boolean superset = true;
        for (AclSelector s : original.selectors) {
            if ((s.flags & AclSelector.ALLCHANNELS) != 0) {
                superset = false;
                break;
            }
            for (AclSelector.Pattern p : s.channels) {
                boolean found = false;
                for (AclSelector.Pattern q : upcoming) found |= q.text.equals(p.text);
                superset &= found;
            }
        }
        if (superset) return;
        List<ClientConnection> victims = new ArrayList<>();
        for (ClientConnection c : server.clients().values()) {
            if (c.aclUser != original || c.pubsubState == null) continue;
            boolean kill = false;
            for (byte[] p : io.cinnabar.pubsub.PubSub.subscriptions(c, 1)) kill |= !channelAllowed(upcoming, p, true);
            for (int kind = 0; kind <= 2 && !kill; kind += 2) {
                for (byte[] ch : io.cinnabar.pubsub.PubSub.subscriptions(c, kind)) {
                    kill |= !channelAllowed(upcoming, ch, false);
                }
            }
            if (kill) victims.add(c);
        }
        for (ClientConnection c : victims) {
            if (c == current) c.flags |= ClientConnection.CLOSE_AFTER_REPLY;
            else server.closeClient(c);
        }
    }

    /** ACL DELUSER of one user: false when there is none. */
    public boolean deleteUser(String name, ClientConnection current) {
        AclUser u = users.remove(name);
        if (u == null) return false;
        killClientsOf(u, current);
        return true;
    }

    /** ACL DRYRUN: null when allowed, else the reason as Redis words it. */
    public String dryRun(AclUser u, CommandEntry e, Argv argv) {
        int r = checkUser(u, e, argv);
        switch (r) {
            case OK: return null;
            case DENIED_CMD: return "This user has no permissions to run the '" + e.spec().fullName() + "' command";
            case DENIED_KEY:
                return "This user has no permissions to access the '" + Latin1.str(argv.get(errPos)) + "' key";
            default:
                return "This user has no permissions to access the '" + Latin1.str(argv.get(errPos)) + "' channel";
        }
    }

    public void resetLog() {
        log.reset();
    }

    public void replyLog(io.cinnabar.resp.RespOut out, long count) {
        log.reply(out, count, server.clock().millis());
    }

    /** ACL LOAD from the aclfile; null on success, else the errors (nothing changed). */
    public String loadFile(ClientConnection current) {
        table.refresh();
        return AclFile.load(this, current);
    }

    /** ACL SAVE to the aclfile. */
    public boolean saveFile() {
        return AclFile.save(this);
    }

    /** The users as "user name rules" lines, as ACL LIST shows them and CONFIG REWRITE writes them. */
    public List<String> describeUsers() {
        List<String> out = new ArrayList<>();
        for (AclUser u : users.values()) out.add("user " + u.name + " " + AclDescribe.user(table, u));
        return out;
    }
}
