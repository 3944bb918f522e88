package io.cinnabar.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal RESP client for tests where the exact bytes matter: sends a command (or raw bytes)
 * and returns the raw bytes of one whole reply, of any RESP2/RESP3 type, nested or not.
 */
public final class RespClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RespClient(String host, int port) {
        try {
            socket = new Socket();
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(10_000);
            socket.setTcpNoDelay(true);
            in = new java.io.BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RespClient(int port) {
        this("127.0.0.1", port);
    }

    /** Encodes args as a multibulk request. */
    public static byte[] encode(byte[]... args) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (byte[] a : args) {
            b.writeBytes(("$" + a.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            b.writeBytes(a);
            b.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return b.toByteArray();
    }

    public static byte[][] args(String... args) {
        byte[][] b = new byte[args.length][];
        for (int i = 0; i < args.length; i++) b[i] = args[i].getBytes(StandardCharsets.UTF_8);
        return b;
    }

    /** Sends a command and returns its whole reply as raw bytes. */
    public byte[] call(String... args) {
        return call(args(args));
    }

    public byte[] call(byte[]... args) {
        send(encode(args));
        return readReply();
    }

    /** The reply as text (for readable assertions). */
    public String callText(String... args) {
        return new String(call(args), StandardCharsets.UTF_8);
    }

    public void send(byte[] raw) {
        try {
            out.write(raw);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void sendText(String raw) {
        send(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads one whole reply. */
    public byte[] readReply() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            readValue(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    public String readText() {
        return new String(readReply(), StandardCharsets.UTF_8);
    }

    /** True when the server closed the connection (read returns EOF within the timeout). */
    public boolean isClosedByServer() {
        try {
            socket.setSoTimeout(3000);
            return in.read() == -1;
        } catch (IOException e) {
            return true;
        }
    }

    private void readValue(ByteArrayOutputStream b) throws IOException {
        String line = readLine(b);
        char type = line.charAt(0);
        switch (type) {
            case '+': case '-': case ':': case ',': case '#': case '_': case '(':
                return;
            case '$': case '=': case '!': {
                long n = Long.parseLong(line.substring(1));
                if (n < 0) return;
                byte[] data = in.readNBytes((int) n + 2);
                if (data.length != n + 2) throw new IOException("connection closed");
                b.writeBytes(data);
                return;
            }
            case '*': case '~': case '>': {
                long n = Long.parseLong(line.substring(1));
                for (long i = 0; i < n; i++) readValue(b);
                return;
            }
            case '%': case '|': {
                long n = Long.parseLong(line.substring(1));
                for (long i = 0; i < n * 2; i++) readValue(b);
                if (type == '|') readValue(b); // the attribute is followed by the actual reply
                return;
            }
            default:
                throw new IOException("unexpected reply type: " + line);
        }
    }

    private String readLine(ByteArrayOutputStream b) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            b.write(c);
            if (c == '\r') {
                int n = in.read();
                b.write(n);
                if (n == '\n') return sb.toString();
                sb.append('\r').append((char) n);
                continue;
            }
            sb.append((char) c);
        }
        throw new IOException("connection closed");
    }

    @Override public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
