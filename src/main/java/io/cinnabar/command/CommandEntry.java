package io.cinnabar.command;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A command as registered in one server: the command itself plus that server's statistics for it
 * (INFO commandstats). Commands are shared singletons; their counters must not be.
 */
public final class CommandEntry {
    final Command command;
    final CommandSpec spec;
    final CommandEntry parent;
    final Map<String, CommandEntry> subcommands;
    public long calls;
    public long microseconds;
    public long rejectedCalls;
    public long failedCalls;
    /** Sequential id in its registry (subcommands included), for ACL command bitmaps. */
    int id = -1;

    CommandEntry(Command command, CommandEntry parent) {
        this.command = command;
        this.spec = command.spec();
        this.parent = parent;
        if (spec.isContainer()) {
            subcommands = new LinkedHashMap<>();
            for (Map.Entry<String, Command> e : spec.subcommands().entrySet()) {
                subcommands.put(e.getKey(), new CommandEntry(e.getValue(), this));
            }
        } else {
            subcommands = null;
        }
    }

    public Command command() {
        return command;
    }

    public CommandSpec spec() {
        return spec;
    }

    public int id() {
        return id;
    }

    public CommandEntry parent() {
        return parent;
    }

    public Map<String, CommandEntry> subcommands() {
        return subcommands;
    }

    public void resetStats() {
        calls = microseconds = rejectedCalls = failedCalls = 0;
        if (subcommands != null) subcommands.values().forEach(CommandEntry::resetStats);
    }
}
