package io.cinnabar.acl;

import io.cinnabar.acl.AclRuleException.Reason;
import io.cinnabar.command.AclCategory;
import io.cinnabar.command.CommandEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One ACL selector (acl.c's aclSelector): the commands it allows as a bitmap over command ids,
 * the first arguments allowed for otherwise blocked commands, and its key and channel patterns.
 * Every user has a root selector; ACL v2 selectors {@code (...)} are more of them.
 */
final class AclSelector {
    static final int ROOT = 1, ALLKEYS = 2, ALLCHANNELS = 4, ALLCOMMANDS = 8;
    /** Key pattern permissions (ACL_READ_PERMISSION / ACL_WRITE_PERMISSION). */
    static final int READ = 1, WRITE = 2, ALL = READ | WRITE;

    int flags;
    /** Allowed command ids; ids past the end read as {@link #future}. */
    long[] allowed = new long[0];
    /** Set by +@all, cleared by -@all: commands registered later are allowed (Redis' reserved last bit). */
    boolean future;
    /** Allowed first arguments by command id (+select|0), null when none. */
    Map<Integer, List<String>> firstArgs;
    final List<Pattern> keys = new ArrayList<>();
    final List<Pattern> channels = new ArrayList<>();

    /** A key or channel pattern; {@code perms} is READ/WRITE for keys. */
    static final class Pattern {
        final String text;
        final byte[] bytes;
        int perms;

        Pattern(String text, int perms) {
            this.text = text;
            this.bytes = Latin1.bytes(text);
            this.perms = perms;
        }
    }

    AclSelector(int flags) {
        this.flags = flags;
    }

    AclSelector copy() {
        AclSelector s = new AclSelector(flags);
        s.allowed = allowed.clone();
        s.future = future;
        if (firstArgs != null) {
            s.firstArgs = new HashMap<>();
            for (Map.Entry<Integer, List<String>> e : firstArgs.entrySet()) {
                s.firstArgs.put(e.getKey(), new ArrayList<>(e.getValue()));
            }
        }
        for (Pattern p : keys) s.keys.add(new Pattern(p.text, p.perms));
        for (Pattern p : channels) s.channels.add(new Pattern(p.text, p.perms));
        return s;
    }

    // ---- command bits ----

    boolean bit(int id) {
        int w = id >>> 6;
        if (w >= allowed.length) return future;
        return (allowed[w] & (1L << id)) != 0;
    }

    void setBit(int id, boolean value) {
        int w = id >>> 6;
        if (w >= allowed.length) {
            int old = allowed.length;
            allowed = Arrays.copyOf(allowed, w + 1);
            if (future) Arrays.fill(allowed, old, allowed.length, -1L);
        }
        if (value) {
            allowed[w] |= 1L << id;
        } else {
            allowed[w] &= ~(1L << id);
            flags &= ~ALLCOMMANDS;
        }
    }

    /** ACLChangeSelectorPerm: a command, and all subcommands of a container. */
    void changePerm(CommandEntry e, boolean allow) {
        setBit(e.id(), allow);
        if (firstArgs != null) firstArgs.remove(e.id());
        if (e.subcommands() != null) for (CommandEntry sub : e.subcommands().values()) setBit(sub.id(), allow);
    }

    /** ACLSetSelectorCommandBitsForCategory over the command table, containers first. */
    void changeCategory(AclTable table, long category, boolean allow) {
        for (CommandEntry e : table.topLevel()) {
            if ((e.spec().acl() & category) != 0) changePerm(e, allow);
            if (e.subcommands() != null) {
                for (CommandEntry sub : e.subcommands().values()) {
                    if ((sub.spec().acl() & category) != 0) changePerm(sub, allow);
                }
            }
        }
    }

    void setAll(boolean allow) {
        Arrays.fill(allowed, allow ? -1L : 0L);
        future = allow;
        firstArgs = null;
        if (allow) flags |= ALLCOMMANDS;
        else flags &= ~ALLCOMMANDS;
    }

    private void addFirstArg(int id, String arg) {
        if (firstArgs == null) firstArgs = new HashMap<>();
        List<String> l = firstArgs.computeIfAbsent(id, k -> new ArrayList<>());
        for (String a : l) if (a.equalsIgnoreCase(arg)) return;
        l.add(arg);
    }

    // ---- rules (ACLSetSelector) ----

    void apply(AclTable table, String op, String pubsubDefault) throws AclRuleException {
        String lower = op.toLowerCase(Locale.ROOT);
        if (lower.equals("allkeys") || op.equals("~*")) {
            flags |= ALLKEYS;
            keys.clear();
        } else if (lower.equals("resetkeys")) {
            flags &= ~ALLKEYS;
            keys.clear();
        } else if (lower.equals("allchannels") || op.equals("&*")) {
            flags |= ALLCHANNELS;
            channels.clear();
        } else if (lower.equals("resetchannels")) {
            flags &= ~ALLCHANNELS;
            channels.clear();
        } else if (lower.equals("allcommands") || lower.equals("+@all")) {
            setAll(true);
        } else if (lower.equals("nocommands") || lower.equals("-@all")) {
            setAll(false);
        } else if (op.startsWith("~") || op.startsWith("%")) {
            addKeyPattern(op);
        } else if (op.startsWith("&")) {
            if ((flags & ALLCHANNELS) != 0) throw new AclRuleException(Reason.CHANNEL_AFTER_ALL);
            String pat = op.substring(1);
            if (hasSpaces(pat)) throw new AclRuleException(Reason.SYNTAX);
            boolean present = false;
            for (Pattern p : channels) present |= p.text.equals(pat);
            if (!present) channels.add(new Pattern(pat, 0));
            flags &= ~ALLCHANNELS;
        } else if (op.startsWith("+") && !op.startsWith("+@")) {
            allowCommand(table, op.substring(1));
        } else if (op.startsWith("-") && !op.startsWith("-@")) {
            CommandEntry e = table.lookup(op.substring(1));
            if (e == null) throw new AclRuleException(Reason.UNKNOWN_COMMAND);
            changePerm(e, false);
        } else if (op.startsWith("+@") || op.startsWith("-@")) {
            long cat = AclCategory.byName(op.substring(2));
            if (cat == 0) throw new AclRuleException(Reason.UNKNOWN_COMMAND);
            changeCategory(table, cat, op.charAt(0) == '+');
        } else {
            throw new AclRuleException(Reason.SYNTAX);
        }
    }

    private void addKeyPattern(String op) throws AclRuleException {
        if ((flags & ALLKEYS) != 0) throw new AclRuleException(Reason.KEY_AFTER_ALL);
        int perms = 0;
        int offset = 1;
        if (op.charAt(0) == '%') {
            for (; offset < op.length(); offset++) {
                char ch = Character.toUpperCase(op.charAt(offset));
                if (ch == 'R' && (perms & READ) == 0) {
                    perms |= READ;
                } else if (ch == 'W' && (perms & WRITE) == 0) {
                    perms |= WRITE;
                } else if (op.charAt(offset) == '~') {
                    offset++;
                    break;
                } else {
                    throw new AclRuleException(Reason.SYNTAX);
                }
            }
        } else {
            perms = ALL;
        }
        String pat = op.substring(Math.min(offset, op.length()));
        if (hasSpaces(pat)) throw new AclRuleException(Reason.SYNTAX);
        for (Pattern p : keys) {
            if (p.text.equals(pat)) {
                p.perms |= perms;
                flags &= ~ALLKEYS;
                return;
            }
        }
        keys.add(new Pattern(pat, perms));
        flags &= ~ALLKEYS;
    }

    /** +command, +container|sub, or +command|first-arg (deprecated, as Redis 7.0 still allows it). */
    private void allowCommand(AclTable table, String name) throws AclRuleException {
        int bar = name.lastIndexOf('|');
        if (bar < 0) {
            CommandEntry e = table.lookup(name);
            if (e == null) throw new AclRuleException(Reason.UNKNOWN_COMMAND);
            changePerm(e, true);
            return;
        }
        CommandEntry e = table.lookup(name.substring(0, bar));
        if (e == null) throw new AclRuleException(Reason.UNKNOWN_COMMAND);
        if (e.parent() != null) throw new AclRuleException(Reason.SUBCOMMAND_FIRST_ARG);
        String sub = name.substring(bar + 1);
        if (sub.isEmpty()) throw new AclRuleException(Reason.SYNTAX);
        if (e.subcommands() != null) {
            CommandEntry s = table.lookup(name);
            if (s == null) throw new AclRuleException(Reason.UNKNOWN_COMMAND);
            changePerm(s, true);
        } else {
            addFirstArg(e.id(), sub);
        }
    }

    static boolean hasSpaces(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 || c == ' ' || (c >= '\t' && c <= '\r')) return true;
        }
        return false;
    }
}
