package io.cinnabar.command;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The table of commands of one server, looked up by the raw name bytes of argv[0] without
 * allocating: an open-addressing table hashed on the lowercased bytes. Duplicate names are refused.
 */
public final class CommandRegistry {
    private final List<CommandEntry> all = new ArrayList<>();
    private byte[][] names = new byte[512][];
    private CommandEntry[] entries = new CommandEntry[512];
    private final List<CommandEntry> byId = new ArrayList<>();

    public CommandRegistry register(Collection<? extends Command> commands) {
        for (Command c : commands) register(c);
        return this;
    }

    public CommandRegistry register(Command c) {
        byte[] name = c.spec().name().getBytes(StandardCharsets.US_ASCII);
        if (lookup(name) != null) throw new IllegalStateException("duplicate command " + c.spec().name());
        if ((all.size() + 1) * 2 > names.length) grow();
        CommandEntry e = new CommandEntry(c, null);
        insert(name, e);
        all.add(e);
        assignId(e);
        if (e.subcommands != null) for (CommandEntry sub : e.subcommands.values()) assignId(sub);
        return this;
    }

    private void assignId(CommandEntry e) {
        e.id = byId.size();
        byId.add(e);
    }

    /** Commands and subcommands by id (0 .. {@link #idCount()} - 1). */
    public CommandEntry byId(int id) {
        return byId.get(id);
    }

    public int idCount() {
        return byId.size();
    }

    private void insert(byte[] name, CommandEntry e) {
        int mask = names.length - 1;
        int i = hash(name) & mask;
        while (names[i] != null) i = (i + 1) & mask;
        names[i] = name;
        entries[i] = e;
    }

    private void grow() {
        byte[][] oldNames = names;
        CommandEntry[] oldEntries = entries;
        names = new byte[oldNames.length * 2][];
        entries = new CommandEntry[oldNames.length * 2];
        for (int i = 0; i < oldNames.length; i++) if (oldNames[i] != null) insert(oldNames[i], oldEntries[i]);
    }

    /**
     * rename-command: the command answers to {@code to} from now on, and no longer to {@code from};
     * an empty {@code to} removes it. Errors as Redis' config loader words them.
     */
    public void rename(String from, String to) {
        byte[] old = from.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        CommandEntry e = lookup(old);
        if (e == null) throw new IllegalArgumentException("No such command in rename-command");
        byte[] target = to.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        if (target.length > 0 && lookup(target) != null) {
            throw new IllegalArgumentException("Target command name already exists");
        }
        byte[][] oldNames = names;
        CommandEntry[] oldEntries = entries;
        names = new byte[oldNames.length][];
        entries = new CommandEntry[oldNames.length];
        for (int i = 0; i < oldNames.length; i++) {
            if (oldNames[i] != null && !equalsLower(oldNames[i], old)) insert(oldNames[i], oldEntries[i]);
        }
        if (target.length > 0) insert(target, e);
    }

    /** The command named by {@code name} in any case, or null. */
    public CommandEntry lookup(byte[] name) {
        int mask = names.length - 1;
        int i = hash(name) & mask;
        while (true) {
            byte[] n = names[i];
            if (n == null) return null;
            if (equalsLower(name, n)) return entries[i];
            i = (i + 1) & mask;
        }
    }

    public CommandEntry lookup(String name) {
        return lookup(name.getBytes(StandardCharsets.UTF_8));
    }

    /** "container|sub" or "name", as COMMAND INFO and ACL rules name commands. */
    public CommandEntry lookupFullName(String fullName) {
        String lower = fullName.toLowerCase(Locale.ROOT);
        int bar = lower.indexOf('|');
        if (bar < 0) return lookup(lower);
        CommandEntry c = lookup(lower.substring(0, bar));
        if (c == null || c.subcommands == null) return null;
        return c.subcommands.get(lower.substring(bar + 1));
    }

    public List<CommandEntry> all() {
        return Collections.unmodifiableList(all);
    }

    private static int hash(byte[] b) {
        int h = 0;
        for (byte x : b) {
            int c = x;
            if (c >= 'A' && c <= 'Z') c += 32;
            h = h * 31 + c;
        }
        return h ^ (h >>> 16);
    }

    private static boolean equalsLower(byte[] b, byte[] lower) {
        if (b.length != lower.length) return false;
        for (int i = 0; i < b.length; i++) {
            int c = b[i];
            if (c >= 'A' && c <= 'Z') c += 32;
            if (c != lower[i]) return false;
        }
        return true;
    }
}
