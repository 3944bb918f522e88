package io.cinnabar.acl;

import static org.assertj.core.api.Assertions.assertThat;

import io.cinnabar.testing.Differential;
import io.cinnabar.testing.DifferentialTestBase;
import io.cinnabar.testing.RespClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ACL SETUSER / GETUSER / LIST / CAT / DRYRUN replies compared byte for byte with a real redis-server. */
class AclDifferentialTest extends DifferentialTestBase {

    @Test void setuserErrorsAndDescriptions() {
        try (Differential d = new Differential(ours.port(), redis.port())) {
            d.script("""
                    ACL SETUSER u1
                    ACL SETUSER u2 reset
                    ACL SETUSER u3 on >pw1 >pw2 <pw1 ~a* %R~r* %W~w* %RW~b* &ch1 &ch2 +@hash -hdel
                    ACL SETUSER u4 on nopass allkeys allchannels allcommands -flushall
                    ACL SETUSER u5 +@all -@string
                    ACL SETUSER u6 -@all +@list +lpush -rpush
                    ACL SETUSER u7 +client|id
                    ACL SETUSER u8 +@all -client|kill
                    ACL SETUSER u9 +select|0 +select|1
                    ACL SETUSER u10 (+get ~k*) (+set %W~w*) clearselectors (+del)
                    ACL SETUSER u11 skip-sanitize-payload sanitize-payload off on
                    ACL SETUSER u12 #5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8
                    ACL GETUSER u1
                    ACL GETUSER u2
                    ACL GETUSER u3
                    ACL GETUSER u4
                    ACL GETUSER u5
                    ACL GETUSER u6
                    ACL GETUSER u7
                    ACL GETUSER u8
                    ACL GETUSER u9
                    ACL GETUSER u10
                    ACL GETUSER u11
                    ACL GETUSER u12
                    ACL GETUSER nosuchuser
                    ACL LIST
                    ACL USERS
                    ACL SETUSER bad +nosuchcommand
                    ACL SETUSER bad -@nosuchcategory
                    ACL SETUSER bad ~* ~foo
                    ACL SETUSER bad &* &foo
                    ACL SETUSER bad <notapassword
                    ACL SETUSER bad #abc
                    ACL SETUSER bad !0123
                    ACL SETUSER bad +config|get|x
                    ACL SETUSER bad +config|nosuch
                    ACL SETUSER bad +get|a|b
                    ACL SETUSER bad +debug|
                    ACL SETUSER bad %X~foo
                    ACL SETUSER bad whatever
                    ACL SETUSER bad (+get
                    ACL SETUSER bad (nonsense)
                    ACL SETUSER bad )
                    ACL GETUSER bad
                    ACL DELUSER default
                    ACL DELUSER u1 u2 nosuch
                    ACL USERS
                    ACL CAT
                    ACL CAT nosuch
                    ACL CAT a b
                    ACL GENPASS 0
                    ACL GENPASS 4097
                    ACL GENPASS abc
                    ACL LOG abc
                    ACL LOAD
                    ACL SAVE
                    ACL WHOAMI
                    ACL DRYRUN nosuch get k
                    ACL DRYRUN u3 nosuchcmd k
                    ACL DRYRUN u3 get
                    ACL DRYRUN u3 hget a1 f
                    ACL DRYRUN u3 hget zz f
                    ACL DRYRUN u3 set r1 v
                    ACL DRYRUN u3 set w1 v
                    ACL DRYRUN u3 lpush b1 v
                    ACL DRYRUN u3 hset b1 f v
                    ACL DRYRUN u3 hdel b1 f
                    ACL DRYRUN u4 flushall
                    ACL DRYRUN u7 client id
                    ACL DRYRUN u7 client kill id 1
                    ACL DRYRUN u9 select 1
                    ACL DRYRUN u9 select 2
                    ACL HELP
                    """);
        }
    }

    @Test void categoriesListTheSameCommands() {
        try (RespClient a = new RespClient(ours.port()); RespClient b = new RespClient(redis.port())) {
            for (String cat : new String[] {"string", "list", "hash", "set", "sortedset", "stream", "pubsub",
                "connection", "transaction", "keyspace", "dangerous", "admin", "fast", "blocking"}) {
                // commands Cinnabar does not have yet are left out of Redis' list
                assertThat(sortedLines(a.callText("ACL", "CAT", cat), false)).as(cat)
                        .isEqualTo(sortedLines(b.callText("ACL", "CAT", cat), true));
            }
        }
    }

    private static List<String> sortedLines(String reply, boolean onlyOurs) {
        List<String> names = new ArrayList<>();
        String[] lines = reply.split("\r\n");
        for (int i = 2; i < lines.length; i += 2) {
            if (!onlyOurs || ours.server().registry().lookupFullName(lines[i]) != null) names.add(lines[i]);
        }
        Collections.sort(names);
        return names;
    }

    @Test void genpassLength() {
        try (RespClient a = new RespClient(ours.port())) {
            assertThat(a.callText("ACL", "GENPASS", "5")).matches("\\$2\r\n[0-9a-f]{2}\r\n");
            assertThat(a.callText("ACL", "GENPASS")).matches("\\$64\r\n[0-9a-f]{64}\r\n");
        }
    }
}
