package io.cinnabar.server;

import io.cinnabar.command.CommandEntry;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.RespDecoder;
import io.cinnabar.resp.RespOut;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-connection state: selected db, protocol, name, flags, the MULTI queue, the blocking record,
 * and the reply buffer. Touched only on the event loop thread. A connection without a channel
 * (a replica's link to its master applying the stream, the AOF loader) is a "fake" client.
 */
public final class ClientConnection {
    // flags (a subset of Redis' CLIENT_* that CLIENT LIST shows)
    public static final int MULTI = 1, DIRTY_CAS = 1 << 1, DIRTY_EXEC = 1 << 2, CLOSE_AFTER_REPLY = 1 << 3,
            BLOCKED = 1 << 4, PUBSUB = 1 << 5, MASTER = 1 << 6, REPLICA = 1 << 7, MONITOR = 1 << 8,
            READONLY = 1 << 9, NO_EVICT = 1 << 10, UNBLOCKED = 1 << 11, PROTECTED = 1 << 12, CLOSE_ASAP = 1 << 13,
            NO_TOUCH = 1 << 14, TRACKING = 1 << 15, LUA = 1 << 16;
    /** CLIENT TRACKING's modes (Redis' CLIENT_TRACKING_*), set and cleared by io.cinnabar.tracking. */
    public static final int TRACKING_BROKEN_REDIR = 1 << 17, TRACKING_BCAST = 1 << 18, TRACKING_OPTIN = 1 << 19,
            TRACKING_OPTOUT = 1 << 20, TRACKING_CACHING = 1 << 21, TRACKING_NOLOOP = 1 << 22;

    public enum ReplyMode { ON, OFF, SKIP, SKIP_NEXT }

    final long id;
    final Channel channel;
    final RespOut out;
    final RespDecoder decoder = new RespDecoder();
    final Argv argv = new Argv();
    final long createdMillis;
    final String addr;
    final String laddr;
    final boolean unixSocket;
    public int db;
    public int flags;
    public String name;
    public long lastInteractionMillis;
    public String lastCommand = "NULL";
    public boolean authenticated;
    public String user = "default";
    /** The ACL user (io.cinnabar.acl.AclUser); null for fake clients, which may run anything. */
    public Object aclUser;
    public ReplyMode replyMode = ReplyMode.ON;
    public String libName;
    public String libVersion;
    /** The MULTI queue: commands and their argument vectors. */
    public final List<CommandEntry> multiCommands = new ArrayList<>();
    public final List<Argv> multiArgv = new ArrayList<>();
    /** Set by the blocking framework while the client is parked: its own record. */
    public Object blockState;
    /** Set by pub/sub: the client's subscriptions. */
    public Object pubsubState;
    /** Set by WATCH: the keys watched. */
    public Object watchState;
    /** Replication state when this client is a replica (or the master link). */
    public Object replicationState;
    /** The command context, created on the first command (io.cinnabar.command.Ctx). */
    public Object ctx;
    /** A command held back by CLIENT PAUSE, run when the pause ends. */
    public Argv postponedArgv;
    /** Continues decoding buffered requests after the client was unblocked or unpaused. */
    Runnable resumeHook;
    long outputSoftLimitSince;
    /** The connection's reader (for the query buffer length CLIENT LIST shows). */
    ClientHandler handler;
    /** Emulated query buffer allocation and its recent peak (Redis' querybuf sizing, CLIENT LIST qbuf-free). */
    long qbufCapacity;
    long qbufPeak;
    /** Largest reply buffer seen (CLIENT LIST rbp). */
    long replyPeak;
    /** CLIENT TRACKING REDIRECT target (CLIENT GETREDIR), 0 when none. */
    public long trackingRedirect;
    /** CLIENT TRACKING BCAST prefixes, in byte order (null when none). */
    public java.util.NavigableSet<byte[]> trackingPrefixes;
    /** Client eviction: the memory last counted for this client and its bucket (-1: in none). */
    long evictionMemory;
    int evictionBucket = -1;
    boolean pendingFlush;
    boolean closed;

    ClientConnection(long id, Channel channel, ByteBufAllocator alloc, long now, String addr, String laddr,
            boolean unixSocket) {
        this.id = id;
        this.channel = channel;
        this.out = new RespOut(alloc);
        this.createdMillis = now;
        this.lastInteractionMillis = now;
        this.addr = addr;
        this.laddr = laddr;
        this.unixSocket = unixSocket;
    }

    public long id() { return id; }
    public RespOut out() { return out; }
    public Channel channel() { return channel; }
    public String addr() { return addr; }
    public String laddr() { return laddr; }
    public long createdMillis() { return createdMillis; }
    public boolean isUnixSocket() { return unixSocket; }
    public RespDecoder decoder() { return decoder; }
    public boolean has(int flag) { return (flags & flag) != 0; }
    public boolean isFake() { return channel == null; }
    public boolean isClosed() { return closed; }
    public Argv argv() { return argv; }

    /** Processes requests that arrived while the client was blocked or paused. */
    public void resume() {
        if (resumeHook != null && !closed) resumeHook.run();
    }

    /** The query buffer's (emulated) allocation plus a partial request's arguments, as counted in used_memory. */
    public long queryBufferBytes() {
        int big = decoder.pendingArgCapacity();
        // reading a large argument, Redis sizes the query buffer to it (plus CRLF) at once
        if (big > 0) return big + 2 + decoder.partialArgvBytes();
        return qbufCapacity + decoder.partialRequestBytes();
    }

    /** Bytes of replies waiting: our buffer plus what the channel has not yet written. */
    public long outputBytes() {
        long n = out.pending();
        if (channel != null && channel.unsafe().outboundBuffer() != null) {
            n += channel.unsafe().outboundBuffer().totalPendingWriteBytes();
        }
        return n;
    }
}
