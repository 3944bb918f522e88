package io.cinnabar.server;

import io.netty.channel.unix.UnixChannel;

/**
 * One line of CLIENT LIST / CLIENT INFO (networking.c catClientInfoString), with Redis' field set.
 * Memory fields are our own accounting: the emulated query buffer, argument bytes, the reply buffer
 * and what the channel has not written yet.
 */
public final class ClientInfo {
    private ClientInfo() {}

    public static String describe(Server server, ClientConnection c) {
        StringBuilder sb = new StringBuilder(256);
        int[] subs = io.cinnabar.pubsub.PubSub.clientCounts(c);
        long nowSec = server.clock().millis() / 1000;
        int proto = c.out.protocol();
        long argvMem = ClientMemory.runningArgv(server, c) + c.decoder.partialArgvBytes();
        long multiMem = ClientMemory.multiState(c);
        long rbs = ClientMemory.replyBufferSize(c);
        long obl = Math.min(c.out.pending(), rbs);
        long omem = ClientMemory.queuedOutput(c);
        // a large argument being read is part of the query buffer, as in Redis
        long qbuf = (c.handler == null ? 0 : c.handler.queryLength()) + c.decoder.pendingArgBytes();
        long qfree = Math.max(0, c.qbufCapacity - qbuf);
        long totMem = ClientMemory.usage(server, c);
        sb.append("id=").append(c.id)
                .append(" addr=").append(c.addr)
                .append(" laddr=").append(c.laddr)
                .append(" fd=").append(fd(c))
                .append(" name=").append(c.name == null ? "" : c.name)
                .append(" age=").append(nowSec - c.createdMillis / 1000)
                .append(" idle=").append(nowSec - c.lastInteractionMillis / 1000)
                .append(" flags=").append(flags(c))
                .append(" db=").append(c.db)
                .append(" sub=").append(subs[0])
                .append(" psub=").append(subs[1])
                .append(" ssub=").append(subs[2])
                .append(" multi=").append(c.has(ClientConnection.MULTI) ? c.multiCommands.size() : -1)
                .append(" qbuf=").append(qbuf)
                .append(" qbuf-free=").append(qfree)
                .append(" argv-mem=").append(argvMem)
                .append(" multi-mem=").append(multiMem)
                .append(" rbs=").append(rbs)
                .append(" rbp=").append(c.replyPeak)
                .append(" obl=").append(obl)
                .append(" oll=0")
                .append(" omem=").append(omem)
                .append(" tot-mem=").append(totMem)
                .append(" events=r")
                .append(" cmd=").append(c.lastCommand)
                .append(" user=").append(c.user)
                .append(" redir=").append(c.has(ClientConnection.TRACKING) ? c.trackingRedirect : -1)
                .append(" resp=").append(proto);
        return sb.toString();
    }

    private static int fd(ClientConnection c) {
        if (c.channel instanceof UnixChannel u) {
            try {
                return u.fd().intValue();
            } catch (RuntimeException e) {
                return -1;
            }
        }
        return c.channel == null ? -1 : 8 + (int) (c.id % 10000);
    }

    /** The flags letters, in Redis' order; N when none. */
    public static String flags(ClientConnection c) {
        StringBuilder f = new StringBuilder();
        if (c.has(ClientConnection.MONITOR)) f.append('O');
        else if (c.has(ClientConnection.REPLICA)) f.append('S');
        if (c.has(ClientConnection.MASTER)) f.append('M');
        if (c.has(ClientConnection.PUBSUB)) f.append('P');
        if (c.has(ClientConnection.MULTI)) f.append('x');
        if (c.has(ClientConnection.BLOCKED)) f.append('b');
        if (c.has(ClientConnection.TRACKING)) f.append('t');
        if (c.has(ClientConnection.TRACKING_BROKEN_REDIR)) f.append('R');
        if (c.has(ClientConnection.TRACKING_BCAST)) f.append('B');
        if (c.has(ClientConnection.DIRTY_CAS)) f.append('d');
        if (c.has(ClientConnection.CLOSE_AFTER_REPLY)) f.append('c');
        if (c.has(ClientConnection.UNBLOCKED)) f.append('u');
        if (c.has(ClientConnection.CLOSE_ASAP)) f.append('A');
        if (c.unixSocket) f.append('U');
        if (c.has(ClientConnection.READONLY)) f.append('r');
        if (c.has(ClientConnection.NO_EVICT)) f.append('e');
        return f.length() == 0 ? "N" : f.toString();
    }
}
