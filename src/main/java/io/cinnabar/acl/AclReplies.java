package io.cinnabar.acl;

import io.cinnabar.resp.RespOut;
import io.cinnabar.server.ClientConnection;

/** The replies of ACL WHOAMI, USERS, LIST and GETUSER (aclCommand, aclAddReplySelectorDescription). */
public final class AclReplies {
    private AclReplies() {}

    public static void whoami(Acl acl, ClientConnection c, RespOut out) {
        Object u = c.aclUser;
        if (u == null) out.nullBulk();
        else out.bulk(Latin1.bytes(((AclUser) u).name));
    }

    public static void listUsers(Acl acl, RespOut out, boolean namesOnly) {
        out.arrayHeader(acl.users.size());
        for (AclUser u : acl.users.values()) {
            if (namesOnly) out.bulk(Latin1.bytes(u.name));
            else out.bulk(Latin1.bytes("user " + u.name + " " + AclDescribe.user(acl.table, u)));
        }
    }

    public static void getUser(Acl acl, byte[] name, RespOut out) {
        AclUser u = acl.users.get(Latin1.str(name));
        if (u == null) {
            out.nullBulk();
            return;
        }
        acl.table.refresh();
        out.mapHeader(6);
        out.bulk("flags");
        int n = 0;
        for (Object[] f : AclUser.FLAG_NAMES) if ((u.flags & (Integer) f[0]) != 0) n++;
        out.setHeader(n);
        for (Object[] f : AclUser.FLAG_NAMES) if ((u.flags & (Integer) f[0]) != 0) out.bulk((String) f[1]);
        out.bulk("passwords");
        out.arrayHeader(u.passwords.size());
        for (String p : u.passwords) out.bulk(p);
        selector(acl, u.root(), out);
        out.bulk("selectors");
        out.arrayHeader(u.selectors.size() - 1);
        for (int i = 1; i < u.selectors.size(); i++) {
            out.mapHeader(3);
            selector(acl, u.selectors.get(i), out);
        }
    }

    private static void selector(Acl acl, AclSelector s, RespOut out) {
        out.bulk("commands");
        out.bulk(Latin1.bytes(AclDescribe.commandRules(acl.table, s)));
        out.bulk("keys");
        out.bulk(Latin1.bytes(AclDescribe.keys(s)));
        out.bulk("channels");
        out.bulk(Latin1.bytes(AclDescribe.channels(s)));
    }
}
