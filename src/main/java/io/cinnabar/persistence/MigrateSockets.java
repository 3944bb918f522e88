package io.cinnabar.persistence;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * MIGRATE's cached connections to target instances (Redis' migrate_cached_sockets): reused for
 * 10 seconds of inactivity, at most 64 of them, closed on error. I/O on them is synchronous with
 * the command's timeout, as in Redis, where MIGRATE blocks the server while it transfers.
 */
public final class MigrateSockets {
    /** One cached connection and the db it last SELECTed. */
    public static final class Conn {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        public int lastDb = -1;
        long lastUseMillis;

        Conn(Socket s) throws IOException {
            this.socket = s;
            this.in = new BufferedInputStream(s.getInputStream());
            this.out = s.getOutputStream();
        }

        public void write(byte[] b, int timeoutMillis) throws IOException {
            socket.setSoTimeout(timeoutMillis);
            out.write(b);
            out.flush();
        }

        /** Reads one reply line (without CRLF). */
        public String readLine(int timeoutMillis) throws IOException {
            socket.setSoTimeout(timeoutMillis);
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int n = sb.length();
                    if (n > 0 && sb.charAt(n - 1) == '\r') sb.setLength(n - 1);
                    return sb.toString();
                }
                sb.append((char) c);
            }
            throw new IOException("connection closed");
        }
    }

    private final Map<String, Conn> conns = new HashMap<>();

    public Conn get(String host, int port, int timeoutMillis, long now) throws IOException {
        String name = host + ":" + port;
        Conn c = conns.get(name);
        if (c != null) {
            c.lastUseMillis = now;
            return c;
        }
        if (conns.size() == 64) {
            Iterator<Conn> it = conns.values().iterator();
            close(it.next());
            it.remove();
        }
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(host, port), timeoutMillis);
        c = new Conn(s);
        c.lastUseMillis = now;
        conns.put(name, c);
        return c;
    }

    /** Open cached connections (INFO's migrate_cached_sockets). */
    public int size() {
        return conns.size();
    }

    public void close(String host, int port) {
        Conn c = conns.remove(host + ":" + port);
        if (c != null) close(c);
    }

    private static void close(Conn c) {
        try {
            c.socket.close();
        } catch (IOException ignored) {
            // already broken
        }
    }

    /** From cron: drop connections idle for more than 10 seconds. */
    public void cron(long now) {
        conns.values().removeIf(c -> {
            if (now - c.lastUseMillis > 10_000) {
                close(c);
                return true;
            }
            return false;
        });
    }
}
