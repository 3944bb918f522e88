package io.cinnabar.acl;

import io.cinnabar.acl.AclRuleException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An ACL user (acl.c's user): flags, SHA-256 password hashes and selectors, the root one first.
 * {@link #unrestricted} is precomputed after every change so that the dispatcher can skip all
 * checks for a user that may run anything (the default user, usually).
 */
public final class AclUser {
    static final int ENABLED = 1, DISABLED = 2, NOPASS = 4, SKIP_SANITIZE = 8, SANITIZE = 16;
    /** In ACLUserFlags' order, which GETUSER and LIST follow. */
    static final Object[][] FLAG_NAMES = {
        {ENABLED, "on"}, {DISABLED, "off"}, {NOPASS, "nopass"}, {SKIP_SANITIZE, "skip-sanitize-payload"},
        {SANITIZE, "sanitize-payload"},
    };

    final String name;
    int flags = DISABLED;
    final List<String> passwords = new ArrayList<>();
    final List<AclSelector> selectors = new ArrayList<>();
    /** One selector allowing every command, key and channel: no check needed. */
    boolean unrestricted;
    /** ACLDescribeUser's cached rule string, dropped on change. */
    String description;

    AclUser(String name, String pubsubDefault) {
        this.name = name;
        selectors.add(newSelector(AclSelector.ROOT, pubsubDefault));
    }

    static AclSelector newSelector(int flags, String pubsubDefault) {
        return new AclSelector(flags | ("allchannels".equals(pubsubDefault) ? AclSelector.ALLCHANNELS : 0));
    }

    public String name() {
        return name;
    }

    boolean enabled() {
        return (flags & DISABLED) == 0;
    }

    AclSelector root() {
        return selectors.get(0);
    }

    /** ACLCopyUser: the rules of {@code src}, keeping this user's name. */
    void copyFrom(AclUser src) {
        flags = src.flags;
        passwords.clear();
        passwords.addAll(src.passwords);
        selectors.clear();
        for (AclSelector s : src.selectors) selectors.add(s.copy());
        changed();
    }

    void changed() {
        description = null;
        AclSelector r = root();
        int all = AclSelector.ALLCOMMANDS | AclSelector.ALLKEYS | AclSelector.ALLCHANNELS;
        unrestricted = selectors.size() == 1 && (r.flags & all) == all;
    }

    /** ACLSetUser: one rule. */
    void apply(AclTable table, String op, String pubsubDefault) throws AclRuleException {
        try {
            applyRule(table, op, pubsubDefault);
        } finally {
            changed();
        }
    }

    private void applyRule(AclTable table, String op, String pubsubDefault) throws AclRuleException {
        if (op.isEmpty()) return;
        String lower = op.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "on": flags = (flags | ENABLED) & ~DISABLED; return;
            case "off": flags = (flags | DISABLED) & ~ENABLED; return;
            case "skip-sanitize-payload": flags = (flags | SKIP_SANITIZE) & ~SANITIZE; return;
            case "sanitize-payload": flags = (flags | SANITIZE) & ~SKIP_SANITIZE; return;
            case "nopass": flags |= NOPASS; passwords.clear(); return;
            case "resetpass": flags &= ~NOPASS; passwords.clear(); return;
            case "clearselectors": selectors.subList(1, selectors.size()).clear(); return;
            case "reset":
                flags &= ~NOPASS;
                passwords.clear();
                root().apply(table, "resetkeys", pubsubDefault);
                root().apply(table, "resetchannels", pubsubDefault);
                if ("allchannels".equals(pubsubDefault)) root().apply(table, "allchannels", pubsubDefault);
                flags = (flags | DISABLED | SANITIZE) & ~(ENABLED | SKIP_SANITIZE);
                selectors.subList(1, selectors.size()).clear();
                root().apply(table, "-@all", pubsubDefault);
                return;
            default:
                break;
        }
        char c = op.charAt(0);
        if (c == '>' || c == '#') {
            String hash = c == '>' ? hash(op.substring(1)) : checkedHash(op.substring(1));
            if (!passwords.contains(hash)) passwords.add(hash);
            flags &= ~NOPASS;
        } else if (c == '<' || c == '!') {
            String hash = c == '<' ? hash(op.substring(1)) : checkedHash(op.substring(1));
            if (!passwords.remove(hash)) throw new AclRuleException(Reason.NO_SUCH_PASSWORD);
        } else if (c == '(' && op.charAt(op.length() - 1) == ')') {
            AclSelector s = newSelector(0, pubsubDefault);
            for (String sub : Args.split(op.substring(1, op.length() - 1))) s.apply(table, sub, pubsubDefault);
            selectors.add(s);
        } else {
            root().apply(table, op, pubsubDefault);
        }
    }

    private static String checkedHash(String h) throws AclRuleException {
        if (h.length() != 64) throw new AclRuleException(Reason.BAD_HASH);
        for (int i = 0; i < 64; i++) {
            char ch = h.charAt(i);
            if ((ch < 'a' || ch > 'f') && (ch < '0' || ch > '9')) throw new AclRuleException(Reason.BAD_HASH);
        }
        return h;
    }

    /** ACLHashPassword: lowercase hex SHA-256 of the password's bytes. */
    static String hash(String password) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(Latin1.bytes(password));
            StringBuilder sb = new StringBuilder(64);
            for (byte b : d) sb.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ACLCheckUserCredentials for an existing user. */
    boolean checkPassword(byte[] password) {
        if ((flags & DISABLED) != 0) return false;
        if ((flags & NOPASS) != 0) return true;
        byte[] h = hash(Latin1.str(password)).getBytes(StandardCharsets.US_ASCII);
        boolean ok = false;
        for (String p : passwords) ok |= MessageDigest.isEqual(h, p.getBytes(StandardCharsets.US_ASCII));
        return ok;
    }
}
