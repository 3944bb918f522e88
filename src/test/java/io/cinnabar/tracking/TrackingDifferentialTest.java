package io.cinnabar.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.cinnabar.testing.DifferentialTestBase;
import io.cinnabar.testing.RespClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CLIENT TRACKING against a real redis-server, byte for byte: the option errors, TRACKINGINFO,
 * and the invalidation messages (RESP3 pushes, RESP2 redirection to a subscriber, flushes, BCAST,
 * NOLOOP, OPTIN/OPTOUT, order after EXEC's reply, a broken redirection). Client ids differ between
 * the servers, so "{redir}" in a command stands for the redirection client's id and ids in replies
 * are compared as "<id>".
 */
class TrackingDifferentialTest extends DifferentialTestBase {
    /** One logical connection: a socket to each server. */
    private static final class Conn {
        final RespClient ours;
        final RespClient theirs;
        final long ourId;
        final long theirId;

        Conn(int ourPort, int theirPort) {
            ours = new RespClient(ourPort);
            theirs = new RespClient(theirPort);
            ourId = Long.parseLong(ours.callText("CLIENT", "ID").trim().substring(1));
            theirId = Long.parseLong(theirs.callText("CLIENT", "ID").trim().substring(1));
        }
    }

    private final List<Conn> conns = new ArrayList<>();
    private Conn redir;

    private Conn conn() {
        Conn c = new Conn(ours.port(), redis.port());
        conns.add(c);
        return c;
    }

    @BeforeEach void setUp() {
        redir = conn();
        check(redir, "FLUSHALL");
    }

    @AfterEach void tearDown() {
        for (Conn c : conns) {
            c.ours.close();
            c.theirs.close();
        }
    }

    private String[] args(String[] args, boolean oursSide) {
        String[] a = args.clone();
        for (int i = 0; i < a.length; i++) {
            if (a[i].equals("{redir}")) a[i] = Long.toString(oursSide ? redir.ourId : redir.theirId);
        }
        return a;
    }

    private String text(byte[] reply, boolean ids, boolean oursSide) {
        String t = new String(reply, StandardCharsets.UTF_8);
        if (!ids) return t;
        return t.replace(":" + (oursSide ? redir.ourId : redir.theirId) + "\r\n", ":<id>\r\n");
    }

    /** Sends a command on both servers without comparing (HELLO names the client id). */
    private void send(Conn c, String... args) {
        c.ours.call(args);
        c.theirs.call(args);
    }

    /** Sends a command on both servers and compares the replies. */
    private String check(Conn c, String... args) {
        boolean ids = String.join(" ", args).matches("(?i).*(GETREDIR|TRACKINGINFO).*");
        String a = text(c.ours.call(args(args, true)), ids, true);
        String b = text(c.theirs.call(args(args, false)), ids, false);
        assertThat(a).as("reply to %s", String.join(" ", args)).isEqualTo(b);
        return a;
    }

    /** Reads the next reply or push on both and compares. */
    private String read(Conn c) {
        String a = text(c.ours.readReply(), true, true);
        String b = text(c.theirs.readReply(), true, false);
        assertThat(a).as("next message").isEqualTo(b);
        return a;
    }

    @Test void optionErrors() {
        Conn c = conn();
        check(c, "CLIENT", "TRACKING");
        check(c, "CLIENT", "TRACKING", "maybe");
        check(c, "CLIENT", "TRACKING", "on", "FOO");
        check(c, "CLIENT", "TRACKING", "on", "PREFIX");
        check(c, "CLIENT", "TRACKING", "on", "PREFIX", "a");
        check(c, "CLIENT", "TRACKING", "on", "REDIRECT", "999999");
        check(c, "CLIENT", "TRACKING", "on", "REDIRECT", "x");
        check(c, "CLIENT", "TRACKING", "on", "REDIRECT", "{redir}", "REDIRECT", "{redir}");
        check(c, "CLIENT", "TRACKING", "off", "REDIRECT", "999999");
        check(c, "CLIENT", "TRACKING", "on", "BCAST", "OPTIN");
        check(c, "CLIENT", "TRACKING", "on", "OPTIN", "OPTOUT");
        check(c, "CLIENT", "CACHING", "yes");
        check(c, "CLIENT", "CACHING", "yes", "no");
        check(c, "CLIENT", "TRACKING", "on", "OPTIN");
        check(c, "CLIENT", "TRACKING", "on", "OPTOUT");
        check(c, "CLIENT", "TRACKING", "on", "BCAST");
        check(c, "CLIENT", "CACHING", "no");
        check(c, "CLIENT", "CACHING", "maybe");
        check(c, "CLIENT", "CACHING", "yes");
        check(c, "CLIENT", "TRACKINGINFO");
        check(c, "CLIENT", "TRACKING", "off");
        check(c, "CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "FOOBAR", "PREFIX", "FOO");
        check(c, "CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "FOO", "PREFIX", "BAR");
        check(c, "CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "FO");
        check(c, "CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "FOO");
        // a collision found past the first new prefix: Redis replies the error and then OK
        check(c, "CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "x", "PREFIX", "y", "PREFIX", "yz");
        read(c);
        check(c, "CLIENT", "TRACKINGINFO");
        check(c, "CLIENT", "TRACKING", "on", "REDIRECT", "{redir}", "NOLOOP");
        check(c, "CLIENT", "TRACKINGINFO");
        check(c, "CLIENT", "GETREDIR");
        check(c, "RESET");
        check(c, "CLIENT", "TRACKINGINFO");
        check(c, "CLIENT", "GETREDIR");
    }

    @Test void resp3PushesAfterTheReply() {
        Conn t = conn();
        Conn w = conn();
        send(t, "HELLO", "3");
        check(t, "CLIENT", "TRACKING", "on");
        check(w, "MSET", "a", "1", "b", "2", "c", "3");
        check(t, "MGET", "a", "b");
        check(w, "MSET", "a", "9", "b", "9", "c", "9"); // two pushes, c was never read
        read(t);
        read(t);
        check(t, "GET", "c");
        check(t, "INCR", "c"); // its own write: the push follows the reply
        read(t);
        check(t, "HSET", "h", "f", "1");
        check(t, "HGET", "h", "f");
        check(t, "MULTI");
        check(t, "HDEL", "h", "f");
        check(t, "GET", "a");
        check(t, "EXEC");
        read(t);
        check(w, "FLUSHDB");
        read(t);
        check(t, "CLIENT", "TRACKING", "off");
        check(t, "CLIENT", "TRACKING", "on", "OPTIN");
        check(t, "GET", "a");
        check(t, "CLIENT", "CACHING", "yes");
        check(t, "GET", "b");
        check(w, "MSET", "a", "1", "b", "1");
        read(t);
        check(t, "CLIENT", "TRACKING", "off");
        check(t, "CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "a", "PREFIX", "b", "NOLOOP");
        check(t, "SET", "a1", "x");
        check(w, "MSET", "a2", "x", "b1", "y", "c1", "z");
        read(t);
        read(t);
        check(t, "PING");
    }

    @Test void resp2RedirectionAndBrokenRedirect() {
        check(redir, "SUBSCRIBE", "__redis__:invalidate");
        Conn t = conn();
        Conn w = conn();
        check(t, "CLIENT", "TRACKING", "on", "REDIRECT", "{redir}");
        check(w, "SET", "k", "1");
        check(t, "GET", "k");
        check(w, "SET", "k", "2");
        read(redir);
        check(t, "GET", "k");
        check(w, "FLUSHALL");
        read(redir);
        send(t, "HELLO", "3");
        check(t, "GET", "k");
        check(redir, "QUIT");
        Conn probe = conn();
        awaitGone(probe);
        check(w, "SET", "k", "3");
        read(t); // tracking-redir-broken, the id compared as <id>
        check(t, "CLIENT", "TRACKINGINFO");
    }

    private void awaitGone(Conn probe) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        String needle = "id=" + redir.ourId + " ";
        while (probe.ours.callText("CLIENT", "LIST").contains(needle)
                || probe.theirs.callText("CLIENT", "LIST").contains("id=" + redir.theirId + " ")) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
