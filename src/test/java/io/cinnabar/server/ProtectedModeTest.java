package io.cinnabar.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cinnabar.Cinnabar;
import io.cinnabar.testing.RealRedis;
import io.cinnabar.testing.RespClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** protected-mode: non-loopback clients get Redis' DENIED text while the default user has no password. */
class ProtectedModeTest {
    /** A non-loopback IPv4 address of this host, or null. */
    private static String externalAddress() throws IOException {
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!ni.isUp() || ni.isLoopback()) continue;
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) return a.getHostAddress();
            }
        }
        return null;
    }

    /** What a client at {@code host} reads without sending anything, until the server closes. */
    private static String denied(String host, int port) throws IOException {
        try (Socket s = new Socket(host, port)) {
            s.setSoTimeout(5000);
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    /** Sends PING from {@code host} and returns the first reply line. */
    private static String ping(String host, int port) throws IOException {
        try (Socket s = new Socket(host, port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                sb.append((char) c);
                if (c == '\n') break;
            }
            return sb.toString();
        }
    }

    @Test void deniesNonLoopbackClientsUntilAPasswordOrProtectedModeNo() throws IOException {
        String ext = externalAddress();
        assumeTrue(ext != null, "no non-loopback address");
        Cinnabar ours = Cinnabar.builder().port(0).config("bind", "*").start();
        try (RespClient local = new RespClient(ours.port())) {
            String denied = denied(ext, ours.port());
            assertThat(denied).startsWith("-DENIED Redis is running in protected mode").endsWith("outside.\r\n");
            assertThat(local.callText("PING")).isEqualTo("+PONG\r\n"); // loopback is served
            assertThat(local.callText("INFO", "stats")).contains("rejected_connections:1\r\n");
            if (RealRedis.available()) {
                try (RealRedis redis = RealRedis.start("--bind", "*")) {
                    assertThat(denied).isEqualTo(denied(ext, redis.port()));
                }
            }
            local.callText("CONFIG", "SET", "requirepass", "secret");
            assertThat(ping(ext, ours.port())).startsWith("-NOAUTH");
            local.callText("AUTH", "secret");
            local.callText("CONFIG", "SET", "requirepass", "");
            assertThat(denied(ext, ours.port())).startsWith("-DENIED");
            local.callText("CONFIG", "SET", "protected-mode", "no");
            assertThat(ping(ext, ours.port())).isEqualTo("+PONG\r\n");
        } finally {
            ours.close();
        }
    }
}
