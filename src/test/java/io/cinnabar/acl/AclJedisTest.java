package io.cinnabar.acl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cinnabar.Cinnabar;
import io.cinnabar.testing.RespClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/** ACL users through Jedis and Lettuce: authentication, denied commands, keys and channels, the log. */
class AclJedisTest {
    static Cinnabar server;
    Jedis admin;
    Jedis user;

    @BeforeAll static void start() {
        server = Cinnabar.builder().port(0).start();
    }

    @AfterAll static void stop() {
        server.close();
    }

    @BeforeEach void connect() {
        admin = new Jedis("127.0.0.1", server.port(), 15_000);
        admin.aclDelUser("alice");
        admin.aclLogReset();
        admin.aclSetUser("alice", "on", ">secret", "+@read", "+set", "+multi", "+exec", "+publish", "+subscribe", "+acl|whoami", "+client|info",
                "~app:*", "&news.*");
        user = new Jedis("127.0.0.1", server.port(), 15_000);
    }

    @AfterEach void close() {
        user.close();
        admin.close();
    }

    @Test void authenticatesAndEnforcesCommandsAndKeys() {
        assertThatThrownBy(() -> user.auth("alice", "wrong")).isInstanceOf(JedisDataException.class)
                .hasMessage("WRONGPASS invalid username-password pair or user is disabled.");
        assertThat(user.auth("alice", "secret")).isEqualTo("OK");
        assertThat(user.aclWhoAmI()).isEqualTo("alice");
        assertThat(user.set("app:1", "v")).isEqualTo("OK");
        assertThat(user.get("app:1")).isEqualTo("v");
        assertThatThrownBy(() -> user.get("other")).hasMessage(
                "NOPERM this user has no permissions to access one of the keys used as arguments");
        assertThatThrownBy(() -> user.del("app:1")).hasMessage(
                "NOPERM this user has no permissions to run the 'del' command");
        assertThatThrownBy(() -> user.publish("sports", "x")).hasMessage(
                "NOPERM this user has no permissions to access one of the channels used as arguments");
        assertThat(user.publish("news.today", "x")).isZero();
        assertThat(user.clientInfo()).contains(" user=alice ");
    }

    @Test void deniedCommandsAreLogged() {
        user.auth("alice", "secret");
        assertThatThrownBy(() -> user.incr("app:n")).isInstanceOf(JedisDataException.class);
        assertThatThrownBy(() -> user.get("zzz")).isInstanceOf(JedisDataException.class);
        // Jedis 5 parses the 7.2 log entry (entry-id...): read 7.0's seven fields raw
        try (RespClient raw = new RespClient(server.port())) {
            String log = raw.callText("ACL", "LOG");
            assertThat(log).startsWith("*2\r\n*14\r\n$5\r\ncount\r\n:1\r\n$6\r\nreason\r\n$3\r\nkey\r\n"
                    + "$7\r\ncontext\r\n$8\r\ntoplevel\r\n$6\r\nobject\r\n$3\r\nzzz\r\n$8\r\nusername\r\n$5\r\n"
                    + "alice\r\n$11\r\nage-seconds\r\n");
            assertThat(log).contains("$6\r\nobject\r\n$4\r\nincr\r\n").contains("client-info").contains(" user=alice ");
        }
    }

    @Test void transactionRefusesDeniedCommandsAtQueueTime() {
        user.auth("alice", "secret");
        Transaction t = user.multi();
        t.set("app:1", "a");
        t.del("app:1");
        assertThatThrownBy(t::exec).isInstanceOf(JedisDataException.class)
                .hasMessageStartingWith("EXECABORT Transaction discarded because of previous errors");
    }

    @Test void deletingAUserDisconnectsItsClients() {
        user.auth("alice", "secret");
        assertThat(admin.aclDelUser("alice")).isEqualTo(1);
        assertThatThrownBy(user::ping).isInstanceOf(JedisConnectionException.class);
    }

    @Test void lettuceConnectsAsAUser() {
        RedisURI uri = RedisURI.builder().withHost("127.0.0.1").withPort(server.port())
                .withAuthentication("alice", "secret".toCharArray()).build();
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            assertThat(c.sync().set("app:x", "1")).isEqualTo("OK");
            assertThat(c.sync().aclWhoami()).isEqualTo("alice");
            assertThatThrownBy(() -> c.sync().set("nope", "1")).isInstanceOf(RedisCommandExecutionException.class)
                    .hasMessageContaining("NOPERM");
        } finally {
            client.shutdown(java.time.Duration.ZERO, java.time.Duration.ZERO);
        }
    }

    @Test void requirepassIsTheDefaultUsersPassword() {
        admin.configSet("requirepass", "pw");
        try (Jedis j = new Jedis("127.0.0.1", server.port(), 15_000)) {
            assertThatThrownBy(() -> j.get("k")).hasMessage("NOAUTH Authentication required.");
            assertThat(j.auth("pw")).isEqualTo("OK");
            assertThat(j.aclGetUser("default").getPassword()).hasSize(1);
        } finally {
            admin.configSet("requirepass", "");
        }
        assertThat(admin.aclList().get(admin.aclList().size() - 1)).isEqualTo("user default on nopass ~* &* +@all");
    }

    @Test void selectorsAndReadWritePatterns() {
        admin.aclSetUser("bob", "reset", "on", "nopass", "%R~r:*", "%W~w:*", "+@all", "(+get ~x:*)");
        user.auth("bob", "any");
        user.lpush("w:1", "a");
        assertThatThrownBy(() -> user.lrange("w:1", 0, -1)).hasMessageContaining("NOPERM");
        assertThat(user.get("r:1")).isNull();
        assertThat(user.get("x:1")).isNull();
        assertThat(admin.aclGetUser("bob").getSelectors()).hasSize(1);
        admin.aclDelUser("bob");
    }
}
