package io.cinnabar.server;

import io.cinnabar.command.Dispatcher;
import io.cinnabar.config.ConfigParam;
import io.cinnabar.resp.ProtocolError;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.unix.DomainSocketAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Reads requests from one connection: cumulates the bytes, decodes every whole command in them and
 * runs it at once on this thread, then flushes all replies of the read batch in one write
 * ({@code channelReadComplete}), together with replies this batch produced for other clients.
 */
final class ClientHandler extends ChannelInboundHandlerAdapter {
    private final Server server;
    /** Checked after every read batch: held instead of looked up by name. */
    private final ConfigParam queryBufferLimit;
    private ClientConnection client;
    private ByteBuf query;

    ClientHandler(Server server) {
        this.server = server;
        this.queryBufferLimit = server.config().param("client-query-buffer-limit");
    }

    @Override public void channelActive(ChannelHandlerContext ctx) {
        int max = server.config().getInt("maxclients");
        client = server.newClient(ctx.channel(), ctx.alloc(), format(ctx.channel().remoteAddress()),
                format(ctx.channel().localAddress()), ctx.channel().localAddress() instanceof DomainSocketAddress);
        client.resumeHook = this::resume;
        client.handler = this;
        if (server.clients().size() > max) {
            server.stats().rejectedConnections++;
            client.out().error("ERR max number of clients reached");
            client.flags |= ClientConnection.CLOSE_AFTER_REPLY;
            server.flush(client);
            return;
        }
        if (ProtectedMode.refuses(server, client)) {
            server.stats().rejectedConnections++;
            ctx.writeAndFlush(io.netty.buffer.Unpooled.wrappedBuffer(ProtectedMode.DENIED))
                    .addListener(io.netty.channel.ChannelFutureListener.CLOSE);
            server.removeClient(client);
            return;
        }
        ctx.fireChannelActive();
    }

    private static String format(SocketAddress a) {
        if (a instanceof InetSocketAddress i) {
            String host = i.getAddress().getHostAddress();
            if (host.startsWith("0:0:0:0:0:0:0:1")) host = "::1";
            return host + ":" + i.getPort();
        }
        if (a instanceof DomainSocketAddress d) return d.path() + ":0";
        return String.valueOf(a);
    }

    @Override public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        if (client == null || client.closed) {
            in.release();
            return;
        }
        server.stats().netInputBytes += in.readableBytes();
        server.stats().totalReadsProcessed++;
        if (query == null) {
            query = in;
        } else {
            if (query.writableBytes() < in.readableBytes()) {
                ByteBuf bigger = ctx.alloc().ioBuffer(Math.max(query.readableBytes() + in.readableBytes(),
                        query.capacity() * 2));
                bigger.writeBytes(query);
                query.release();
                query = bigger;
            }
            query.writeBytes(in);
            in.release();
        }
        int len = query.readableBytes();
        if (client.qbufCapacity < len) client.qbufCapacity = Math.max(16 * 1024, len);
        if (client.qbufPeak < len) client.qbufPeak = len;
        process();
    }

    /** Bytes in the query buffer, including the command being run (as Redis' sdslen(querybuf)). */
    int queryLength() {
        return query == null ? 0 : query.writerIndex();
    }

    /**
     * clientsCronResizeQueryBuffer, on the emulated allocation: free it after 2 idle seconds, or
     * shrink it to the recent peak when it is more than twice that and over 32k.
     */
    void cronResizeQueryBuffer(long idleSeconds) {
        long len = queryLength();
        if (client.qbufCapacity - len > 4 * 1024) {
            if (idleSeconds > 2) {
                client.qbufCapacity = len;
            } else if (client.qbufCapacity > 32 * 1024 && client.qbufCapacity / 2 > client.qbufPeak) {
                client.qbufCapacity = Math.max(len, client.qbufPeak);
            }
        }
        client.qbufPeak = len;
    }

    private void process() {
        Dispatcher d = server.dispatcher();
        try {
            while (query != null && query.isReadable() && !client.closed
                    && (client.flags & (ClientConnection.CLOSE_AFTER_REPLY | ClientConnection.BLOCKED | ClientConnection.CLOSE_ASAP)) == 0
                    && !d.isPaused(client)) {
                if (!client.decoder().decode(query, client.argv, !client.authenticated && server.authRequired())) break;
                if (client.argv.size() == 0) continue;
                d.process(client, client.argv);
                // the command's output counts now; a client over maxmemory-clients goes before the next one
                server.clientEviction().updateAndEvict(client);
            }
        } catch (ProtocolError e) {
            client.out().error(e.replyBytes());
            client.flags |= ClientConnection.CLOSE_AFTER_REPLY;
            if (query != null) query.skipBytes(query.readableBytes());
        }
        checkQueryBufferLimit();
        // a partly read request counts too (processInputBuffer's updateClientMemUsageAndBucket)
        server.clientEviction().updateAndEvict(client);
        if (query != null) {
            if (!query.isReadable()) {
                query.release();
                query = null;
            } else if (query.readerIndex() > 0) {
                query.discardReadBytes();
            }
        }
    }

    private void checkQueryBufferLimit() {
        long size = (query == null ? 0 : query.readableBytes()) + client.decoder().pendingArgBytes();
        if (size > queryBufferLimit.number()) {
            server.stats().clientQueryBufferLimitDisconnections++;
            server.log().warning("Closing client that reached max query buffer length: id=" + client.id
                    + " addr=" + client.addr + " (qbuf initial bytes: ...)");
            client.flags |= ClientConnection.CLOSE_ASAP;
            client.channel().close();
        }
    }

    /** Resumes a client whose processing stopped (unblocked, unpaused): decode what is already buffered. */
    void resume() {
        if (query != null && query.isReadable()) process();
    }

    @Override public void channelReadComplete(ChannelHandlerContext ctx) {
        if (client != null) server.flush(client);
        // Other clients' output (pub/sub messages, served blocked clients, tracking) is flushed once
        // after every ready channel of this loop turn was read, as Redis' beforeSleep does: 50
        // publishers to 100 subscribers cost one write per subscriber, not one per message.
        server.flushPendingSoon(ctx.channel().eventLoop());
    }

    @Override public void channelInactive(ChannelHandlerContext ctx) {
        if (query != null) {
            query.release();
            query = null;
        }
        if (client != null) server.removeClient(client);
        server.flushPending();
    }

    @Override public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // connection reset and the like: the connection goes away, the server carries on
        ctx.close();
    }
}
