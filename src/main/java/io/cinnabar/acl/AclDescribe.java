package io.cinnabar.acl;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.CommandEntry;
import java.util.Collection;
import java.util.List;

/**
 * Renders users and selectors back into rules (ACLDescribeUser, ACLDescribeSelector,
 * ACLDescribeSelectorCommandRules): what ACL LIST, ACL GETUSER and ACL SAVE print. Command rules
 * start from +@all or -@all, then apply the best-fitting categories one by one, then fix the
 * remaining single commands, replaying each rule on a fake selector as Redis does.
 */
final class AclDescribe {
    private AclDescribe() {}

    static String user(AclTable table, AclUser u) {
        if (u.description != null) return u.description;
        StringBuilder sb = new StringBuilder();
        for (Object[] f : AclUser.FLAG_NAMES) {
            if ((u.flags & (Integer) f[0]) != 0) sb.append(f[1]).append(' ');
        }
        for (String p : u.passwords) sb.append('#').append(p).append(' ');
        for (AclSelector s : u.selectors) {
            if ((s.flags & AclSelector.ROOT) != 0) sb.append(selector(table, s));
            else sb.append(" (").append(selector(table, s)).append(')');
        }
        u.description = sb.toString();
        return u.description;
    }

    static String selector(AclTable table, AclSelector s) {
        StringBuilder sb = new StringBuilder();
        if ((s.flags & AclSelector.ALLKEYS) != 0) {
            sb.append("~* ");
        } else {
            for (AclSelector.Pattern p : s.keys) appendKeyPattern(sb, p).append(' ');
        }
        if ((s.flags & AclSelector.ALLCHANNELS) != 0) {
            sb.append("&* ");
        } else {
            sb.append("resetchannels ");
            for (AclSelector.Pattern p : s.channels) sb.append('&').append(p.text).append(' ');
        }
        return sb.append(commandRules(table, s)).toString();
    }

    /** GETUSER's "keys": the patterns separated by spaces, "~*" for allkeys. */
    static String keys(AclSelector s) {
        if ((s.flags & AclSelector.ALLKEYS) != 0) return "~*";
        StringBuilder sb = new StringBuilder();
        for (AclSelector.Pattern p : s.keys) {
            if (sb.length() > 0) sb.append(' ');
            appendKeyPattern(sb, p);
        }
        return sb.toString();
    }

    static String channels(AclSelector s) {
        if ((s.flags & AclSelector.ALLCHANNELS) != 0) return "&*";
        StringBuilder sb = new StringBuilder();
        for (AclSelector.Pattern p : s.channels) {
            if (sb.length() > 0) sb.append(' ');
            sb.append('&').append(p.text);
        }
        return sb.toString();
    }

    private static StringBuilder appendKeyPattern(StringBuilder sb, AclSelector.Pattern p) {
        if (p.perms == AclSelector.READ) sb.append("%R~");
        else if (p.perms == AclSelector.WRITE) sb.append("%W~");
        else sb.append('~');
        return sb.append(p.text);
    }

    static String commandRules(AclTable table, AclSelector s) {
        StringBuilder rules = new StringBuilder();
        boolean additive = !s.future;
        AclSelector fake = new AclSelector(0);
        fake.setAll(!additive);
        rules.append(additive ? "-@all " : "+@all ");
        AclSelector temp = new AclSelector(0);
        temp.allowed = s.allowed.clone();
        temp.future = s.future;
        boolean[] applied = new boolean[AclCategory.NAMES.length];
        int n = table.idCount();
        while (true) {
            int best = -1;
            long minDiff = Integer.MAX_VALUE, maxSame = 0;
            for (int j = 0; j < AclCategory.NAMES.length; j++) {
                if (applied[j]) continue;
                long cat = 1L << j;
                long on = 0, off = 0;
                for (int id = 0; id < n; id++) {
                    if ((table.byId(id).spec().acl() & cat) == 0) continue;
                    if (temp.bit(id)) on++;
                    else off++;
                }
                long diff = additive ? off : on;
                long same = additive ? on : off;
                if (same > diff && (diff < minDiff || (diff == minDiff && same > maxSame))) {
                    best = j;
                    minDiff = diff;
                    maxSame = same;
                }
            }
            if (best == -1) break;
            fake.changeCategory(table, 1L << best, additive);
            temp.changeCategory(table, 1L << best, !additive);
            rules.append(additive ? "+@" : "-@").append(AclCategory.NAMES[best]).append(' ');
            applied[best] = true;
        }
        singleCommands(s, fake, rules, table.topLevel());
        rules.setLength(rules.length() - 1);
        return rules.toString();
    }

    private static void singleCommands(AclSelector s, AclSelector fake, StringBuilder rules,
            Collection<CommandEntry> commands) {
        for (CommandEntry e : commands) {
            boolean userBit = s.bit(e.id());
            if (userBit != fake.bit(e.id())) {
                rules.append(userBit ? '+' : '-').append(e.spec().fullName()).append(' ');
                fake.changePerm(e, userBit);
            }
            if (e.subcommands() != null) singleCommands(s, fake, rules, e.subcommands().values());
            if (!userBit && s.firstArgs != null) {
                List<String> args = s.firstArgs.get(e.id());
                if (args != null) {
                    for (String a : args) rules.append('+').append(e.spec().fullName()).append('|').append(a).append(' ');
                }
            }
        }
    }
}
