package io.cinnabar.acl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cinnabar.Cinnabar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** The aclfile: loaded at startup, ACL SAVE then ACL LOAD round trip, all-or-nothing LOAD errors. */
class AclFileTest {
    @TempDir Path dir;

    @Test void saveThenLoadRoundTrips() throws Exception {
        Files.writeString(dir.resolve("users.acl"), "user alice on >pw ~a* &* +@all -flushall\n"
                + "user bob on nopass (+get ~r*) (+set %W~w*)\n");
        try (Cinnabar s = Cinnabar.builder().port(0).config("dir", dir.toString()).config("aclfile", "users.acl")
                .start(); Jedis j = new Jedis("127.0.0.1", s.port(), 15_000)) {
            List<String> before = j.aclList();
            assertThat(before).containsExactly(
                    "user alice on #30c952fab122c3f9759f02a6d95c3758b246b4fee239957b2d4fee46e26170c4 ~a* &* +@all -flushall",
                    "user bob on nopass resetchannels -@all (~r* resetchannels -@all +get) (%W~w* resetchannels -@all +set)",
                    "user default on nopass ~* &* +@all");
            j.aclSetUser("carol", "on", ">c", "+ping");
            assertThat(j.aclSave()).isEqualTo("OK");
            assertThat(Files.readAllLines(dir.resolve("users.acl"))).hasSize(4);
            j.aclDelUser("carol");
            assertThat(j.aclLoad()).isEqualTo("OK");
            assertThat(j.aclUsers()).containsExactly("alice", "bob", "carol", "default");
            assertThat(j.aclList().subList(0, 2)).isEqualTo(before.subList(0, 2));
        }
    }

    @Test void loadIsAllOrNothing() throws Exception {
        Files.writeString(dir.resolve("users.acl"), "user alice on nopass +@all\n");
        try (Cinnabar s = Cinnabar.builder().port(0).config("dir", dir.toString()).config("aclfile", "users.acl")
                .start(); Jedis j = new Jedis("127.0.0.1", s.port(), 15_000)) {
            Files.writeString(dir.resolve("users.acl"), "user alice on nopass +@all\nuser bob +nosuch\nuser alice\n"
                    + "bogus line\n");
            assertThatThrownBy(j::aclLoad).hasMessage("ERR users.acl:2: Error in applying operation '+nosuch': "
                    + "Unknown command or category name in ACL. WARNING: Duplicate user 'alice' found on line 3. "
                    + "users.acl:4 should start with user keyword followed by the username. WARNING: ACL errors "
                    + "detected, no change to the previously active ACL rules was performed");
            assertThat(j.aclUsers()).containsExactly("alice", "default");
        }
    }

    @Test void userDirectivesAndAclfileCannotBeMixed() {
        assertThatThrownBy(() -> Cinnabar.builder().port(0).config("dir", dir.toString()).config("aclfile", "x.acl")
                .configFile(writeConf("user bob on nopass +@all\n")).start())
                .hasMessageContaining("Configuring Redis with users defined in redis.conf and at the same setting");
    }

    private String writeConf(String text) {
        try {
            Path p = dir.resolve("redis.conf");
            Files.writeString(p, text);
            return p.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
