package io.cinnabar.acl;

import io.cinnabar.server.ClientConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Users from the configuration's {@code user} directives and from the {@code aclfile}: loading at
 * startup, ACL LOAD (all or nothing) and ACL SAVE (acl.c's ACLLoadFromFile / ACLSaveToFile).
 */
public final class AclFile {
    private AclFile() {}

    /** Startup failed: the message is what redis-server prints before exiting. */
    public static final class StartupError extends RuntimeException {
        public StartupError(String message) {
            super(message, null, false, false);
        }
    }

    static Path path(Acl acl) {
        String f = acl.server.config().get("aclfile");
        return Path.of(acl.server.config().get("dir")).resolve(f);
    }

    /**
     * ACLAppendUserForLoading + ACLLoadUsersAtStartup: validates the {@code user} directives as the
     * config file parser does, then applies them, then the aclfile.
     */
    public static void loadAtStartup(Acl acl, List<String[]> directives) {
        List<List<String>> pending = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String[] d : directives) {
            if (!d[0].equals("user")) continue;
            List<String> args = new ArrayList<>();
            for (String a : d) args.add(Latin1.str(a.getBytes(StandardCharsets.UTF_8)));
            if (args.size() < 2) throw configError(args, args.get(0), "Wrong format");
            if (!names.add(args.get(1))) throw configError(args, args.get(1), AclRuleException.Reason.DUPLICATE_USER.text);
            List<String> ops;
            try {
                ops = Args.mergeSelectors(args.subList(2, args.size()));
            } catch (Args.UnmatchedParenthesis e) {
                throw configError(args, args.get(2 + e.index), "Syntax error");
            }
            AclUser fake = new AclUser("__fakeuser__", acl.pubsubDefault());
            for (int j = 0; j < ops.size(); j++) {
                try {
                    fake.apply(acl.table, ops.get(j), acl.pubsubDefault());
                } catch (AclRuleException e) {
                    if (e.reason != AclRuleException.Reason.UNKNOWN_COMMAND) throw configError(args, ops.get(j), e.getMessage());
                }
            }
            List<String> user = new ArrayList<>();
            user.add(args.get(1));
            user.addAll(ops);
            pending.add(user);
        }
        String aclfile = acl.server.config().get("aclfile");
        if (!aclfile.isEmpty() && !pending.isEmpty()) {
            throw new StartupError("Configuring Redis with users defined in redis.conf and at the same setting an ACL "
                    + "file path is invalid. This setup is very likely to lead to configuration errors and security "
                    + "holes, please define either an ACL file or declare users directly in your redis.conf, but not "
                    + "both.");
        }
        for (List<String> user : pending) {
            String name = user.get(0);
            if (AclSelector.hasSpaces(name)) throw new StartupError("Spaces not allowed in ACL usernames");
            AclUser u = acl.users.get(name);
            try {
                if (u == null) {
                    u = new AclUser(name, acl.pubsubDefault());
                    acl.users.put(name, u);
                } else {
                    u.apply(acl.table, "reset", acl.pubsubDefault());
                }
                for (String op : user.subList(1, user.size())) {
                    try {
                        u.apply(acl.table, op, acl.pubsubDefault());
                    } catch (AclRuleException e) {
                        throw new StartupError("Error loading ACL rule '" + op + "' for the user named '" + name
                                + "': " + e.getMessage());
                    }
                }
            } catch (AclRuleException e) {
                throw new IllegalStateException(e);
            }
        }
        if (!aclfile.isEmpty()) {
            String errors = load(acl, null);
            if (errors != null) throw new StartupError("Aborting Redis startup because of ACL errors: " + errors);
        }
    }

    private static StartupError configError(List<String> args, String arg, String reason) {
        return new StartupError("\n*** FATAL CONFIG FILE ERROR (Redis 7.0.15) ***\n>>> '" + String.join(" ", args)
                + "'\nError in user declaration '" + arg + "': " + reason);
    }

    /** ACL LOAD: null on success, else every problem found (and nothing changed). */
    static String load(Acl acl, ClientConnection current) {
        String fileName = acl.server.config().get("aclfile");
        String text;
        try {
            text = Latin1.str(Files.readAllBytes(path(acl)));
        } catch (NoSuchFileException e) {
            return "Error loading ACLs, opening file '" + fileName + "': No such file or directory";
        } catch (IOException e) {
            return "Error loading ACLs, opening file '" + fileName + "': " + e.getMessage();
        }
        StringBuilder errors = new StringBuilder();
        TreeMap<String, AclUser> fresh = new TreeMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int linenum = i + 1;
            String line = strip(lines[i], " \t\r\n");
            if (line.isEmpty()) continue;
            List<String> argv = Arrays.asList(line.split(" ", -1));
            if (!argv.get(0).equals("user") || argv.size() < 2) {
                errors.append(fileName).append(':').append(linenum)
                        .append(" should start with user keyword followed by the username. ");
                continue;
            }
            String name = argv.get(1);
            if (AclSelector.hasSpaces(name)) {
                errors.append("'").append(fileName).append(':').append(linenum).append(": username '").append(name)
                        .append("' contains invalid characters. ");
                continue;
            }
            if (fresh.containsKey(name)) {
                errors.append("WARNING: Duplicate user '").append(name).append("' found on line ").append(linenum)
                        .append(". ");
                continue;
            }
            AclUser u = new AclUser(name, acl.pubsubDefault());
            fresh.put(name, u);
            List<String> ops;
            try {
                ops = Args.mergeSelectors(argv.subList(2, argv.size()));
            } catch (Args.UnmatchedParenthesis e) {
                errors.append(fileName).append(':').append(linenum)
                        .append(": Unmatched parenthesis in selector definition.");
                continue;
            }
            boolean syntaxError = false;
            for (String op : ops) {
                op = strip(op, "\t\r\n");
                try {
                    u.apply(acl.table, op, acl.pubsubDefault());
                } catch (AclRuleException e) {
                    if (e.reason == AclRuleException.Reason.UNKNOWN_COMMAND) {
                        errors.append(fileName).append(':').append(linenum).append(": Error in applying operation '")
                                .append(op).append("': ").append(e.getMessage()).append(". ");
                    } else if (!syntaxError) {
                        errors.append(fileName).append(':').append(linenum).append(": ").append(e.getMessage())
                                .append(". ");
                        syntaxError = true;
                    }
                }
            }
        }
        if (errors.length() > 0) {
            return errors.append("WARNING: ACL errors detected, no change to the previously active ACL rules was "
                    + "performed").toString();
        }
        AclUser newDefault = fresh.get("default");
        acl.defaultUser.copyFrom(newDefault != null ? newDefault : acl.createDefaultUser());
        fresh.put("default", acl.defaultUser);
        TreeMap<String, AclUser> old = acl.users;
        acl.users = fresh;
        for (Map.Entry<String, AclUser> e : old.entrySet()) {
            if (e.getValue() != acl.defaultUser) acl.killClientsOf(e.getValue(), current);
        }
        return null;
    }

    /** ACL SAVE: every user as a "user name rules" line, written to a temp file then renamed. */
    static boolean save(Acl acl) {
        StringBuilder sb = new StringBuilder();
        for (AclUser u : acl.users()) {
            sb.append("user ").append(u.name).append(' ').append(AclDescribe.user(acl.table, u)).append('\n');
        }
        Path target = path(acl);
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
                + System.currentTimeMillis());
        try {
            Files.write(tmp, Latin1.bytes(sb.toString()));
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            acl.server.log().warning("Writing ACL file for ACL SAVE: " + e.getMessage());
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort, as Redis' unlink
            }
            return false;
        }
    }

    /** sdstrim: drops the given characters from both ends. */
    private static String strip(String s, String chars) {
        int b = 0, e = s.length();
        while (b < e && chars.indexOf(s.charAt(b)) >= 0) b++;
        while (e > b && chars.indexOf(s.charAt(e - 1)) >= 0) e--;
        return s.substring(b, e);
    }
}
