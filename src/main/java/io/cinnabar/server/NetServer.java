package io.cinnabar.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The network side: one Netty event loop thread that accepts, reads, runs every command and
 * writes, plus the server cron on the same thread. Epoll where available (it also gives unix
 * sockets), NIO otherwise.
 */
public final class NetServer implements AutoCloseable {
    private final Server server;
    private final EventLoopGroup loop;
    private final boolean epoll;
    private final List<Channel> listeners = new ArrayList<>();
    private final List<Channel> tcpListeners = new ArrayList<>();
    private ScheduledFuture<?> cronTask;
    private final Cron cron;
    private int boundPort = -1;

    public NetServer(Server server) {
        this.server = server;
        this.epoll = Epoll.isAvailable() && !Boolean.getBoolean("cinnabar.nio");
        this.loop = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("cinnabar-loop"),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        this.cron = new Cron(server);
        server.net(this);
    }

    public Server server() {
        return server;
    }

    public boolean isEventLoop() {
        return loop.next().inEventLoop();
    }

    /** Runs a task on the event loop and waits for its result (embedding, tests, admin). */
    public <T> T call(Callable<T> task) {
        try {
            return loop.submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    public void execute(Runnable r) {
        loop.execute(r);
    }

    public ScheduledFuture<?> schedule(Runnable r, long delayMillis) {
        return loop.schedule(r, delayMillis, TimeUnit.MILLISECONDS);
    }

    /** Binds TCP on each address (port 0 = an ephemeral port, unless tcpDisabled) and the unix socket if set. */
    public void start(List<String> bindAddresses, int port, boolean tcpEnabled, String unixSocket, int unixPerm)
            throws IOException {
        try {
            if (tcpEnabled) {
                for (String addr : bindAddresses) {
                    if (addr.isEmpty()) continue; // bind "": no TCP listener at all
                    String host = addr.startsWith("-") ? addr.substring(1) : addr;
                    boolean optional = addr.startsWith("-");
                    if (host.equals("*")) host = "0.0.0.0";
                    if (host.equals("::*")) host = "::";
                    try {
                        Channel ch = bootstrap(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                                .bind(new InetSocketAddress(host, boundPort > 0 ? boundPort : port)).sync().channel();
                        listeners.add(ch);
                        tcpListeners.add(ch);
                        if (boundPort <= 0) boundPort = ((InetSocketAddress) ch.localAddress()).getPort();
                    } catch (Exception e) {
                        if (optional) continue;
                        throw new IOException("Could not create server TCP listening socket " + host + ":" + port
                                + ": " + e.getMessage(), e);
                    }
                }
            }
            if (unixSocket != null && !unixSocket.isEmpty()) {
                if (!epoll) throw new IOException("unix sockets need the epoll transport");
                Files.deleteIfExists(Path.of(unixSocket));
                Channel ch = bootstrap(EpollServerDomainSocketChannel.class)
                        .bind(new DomainSocketAddress(unixSocket)).sync().channel();
                listeners.add(ch);
                if (unixPerm != 0) setPermissions(Path.of(unixSocket), unixPerm);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        scheduleCron();
    }

    private void scheduleCron() {
        int hz = Math.max(1, Math.min(500, server.config().getInt("hz")));
        cronTask = loop.next().schedule(() -> {
            cron.tick();
            if (!loop.isShuttingDown()) scheduleCron();
        }, 1000 / hz, TimeUnit.MILLISECONDS);
    }

    public Cron cron() {
        return cron;
    }

    private static void setPermissions(Path p, int mode) throws IOException {
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
        };
        for (int i = 0; i < 9; i++) if ((mode & (1 << i)) != 0) perms.add(order[i]);
        Files.setPosixFilePermissions(p, perms);
    }

    private ServerBootstrap bootstrap(Class<? extends ServerChannel> type) {
        return new ServerBootstrap()
                .group(loop, loop)
                .channel(type)
                .option(ChannelOption.SO_BACKLOG, server.config().getInt("tcp-backlog"))
                .childOption(ChannelOption.AUTO_READ, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override protected void initChannel(Channel ch) {
                        if (!(ch.localAddress() instanceof DomainSocketAddress)) {
                            ch.config().setOption(ChannelOption.TCP_NODELAY, true);
                        }
                        ch.pipeline().addLast(new ClientHandler(server));
                    }
                });
    }

    /** Opens an outgoing connection on the event loop (a replica's link to its master). */
    public io.netty.channel.ChannelFuture connect(String host, int port, io.netty.channel.ChannelHandler handler,
            int timeoutMillis) {
        io.netty.bootstrap.Bootstrap b = new io.netty.bootstrap.Bootstrap()
                .group(loop)
                .channel(epoll ? io.netty.channel.epoll.EpollSocketChannel.class
                        : io.netty.channel.socket.nio.NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, timeoutMillis)
                .handler(handler);
        // bind-source-addr: the local address outgoing connections come from (Redis' replica link)
        String source = server.config().get("bind-source-addr");
        if (source.isEmpty()) return b.connect(host, port);
        return b.connect(new InetSocketAddress(host, port), new InetSocketAddress(source, 0));
    }

    /**
     * CONFIG SET port: listens on {@code port} on the same addresses, then closes the old TCP
     * listeners (connected clients stay). Throws, listening as before, when a bind fails.
     */
    public void rebindTcp(List<String> bindAddresses, int port) throws IOException {
        List<String> hosts = new ArrayList<>();
        for (String addr : bindAddresses) {
            if (addr.isEmpty()) continue;
            boolean optional = addr.startsWith("-");
            String host = optional ? addr.substring(1) : addr;
            if (host.equals("*")) host = "0.0.0.0";
            if (host.equals("::*")) host = "::";
            // probe first, so that a failure leaves the old listeners in place
            try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress(host, port));
            } catch (IOException | RuntimeException e) {
                if (optional) continue;
                throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            }
            hosts.add(host);
        }
        List<Channel> old = new ArrayList<>(tcpListeners);
        tcpListeners.clear();
        for (Channel ch : old) {
            ch.close();
            listeners.remove(ch);
        }
        boundPort = port;
        for (String host : hosts) {
            // registered and bound right here, on the event loop (ServerBootstrap.bind would queue the
            // bind as a task, and a client told OK could connect before it runs)
            Channel ch = bootstrap(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                    .register().channel();
            ch.bind(new InetSocketAddress(host, port)).addListener((io.netty.channel.ChannelFuture f) -> {
                if (f.isSuccess()) {
                    tcpListeners.add(f.channel());
                    listeners.add(f.channel());
                } else {
                    server.log().warning("Could not bind " + host + ":" + port + ": " + f.cause());
                }
            });
        }
    }

    /** Stops accepting connections (SHUTDOWN, before the process goes). */
    public void closeListeners() {
        for (Channel ch : listeners) ch.close();
    }

    /** The TCP port actually bound (useful with port 0), or -1. */
    public int port() {
        return boundPort;
    }

    @Override public void close() {
        if (cronTask != null) cronTask.cancel(false);
        for (Channel ch : listeners) ch.close().awaitUninterruptibly();
        loop.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
