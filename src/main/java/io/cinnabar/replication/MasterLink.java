package io.cinnabar.replication;

import io.cinnabar.persistence.rdb.RdbFormatException;
import io.cinnabar.persistence.rdb.RdbLoadOptions;
import io.cinnabar.persistence.rdb.RdbLoader;
import io.cinnabar.resp.Argv;
import io.cinnabar.resp.ProtocolError;
import io.cinnabar.resp.RespDecoder;
import io.cinnabar.server.ClientConnection;
import io.cinnabar.server.Server;
import io.cinnabar.store.Database;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A replica's connection to its master (the replica half of replication.c): the handshake
 * (PING, AUTH, REPLCONF listening-port and capa, PSYNC with the cached ID and offset), loading the
 * RDB of a full resync (length-prefixed or with the diskless EOF marker), then applying the stream
 * as the master client, acknowledging with REPLCONF ACK every second and on GETACK, and
 * reconnecting (with PSYNC, so usually +CONTINUE) when the link drops.
 */
public final class MasterLink {
    enum State { CONNECTING, PING, AUTH, PORT, CAPA, PSYNC, BULK_HEADER, BULK, BULK_EOF, LOADING, STREAM, CLOSED }

    private final Replication repl;
    private final Server server;
    final String host;
    final int port;
    private String psyncReplid;
    private long psyncOffset;
    private State state = State.CLOSED;
    private Channel channel;
    private ClientConnection master;
    private ByteBuf in;
    private long lastAttemptMillis;
    private long lastIoMillis;
    private long lastAckMillis;
    private String fullsyncReplid;
    private long fullsyncOffset;
    /** A disk-based sync's RDB on its way to the disk (temp file, renamed to dbfilename once complete). */
    private java.io.OutputStream rdbFile;
    private java.nio.file.Path rdbTmp;
    private byte[] eofMark;
    /** Diskless load: the RDB goes to the loader thread as it arrives. */
    private RdbPipe pipe;
    private long bulkRemaining;
    /** The last bytes of an EOF-marked stream, held back until it is known they are not the mark. */
    private byte[] heldTail = new byte[0];
    /** The load in progress (Loading's generation); a result of another one is stale. */
    private long loadGen = -1;
    /** The connection the running load's RDB came from. */
    private Channel loadChannel;
    private final RespDecoder decoder = new RespDecoder();
    private final Argv argv = new Argv();
    private boolean closed;
    long readOffset;
    private long linkDownSinceMillis;
    private boolean syncInProgress;
    /**
     * The db the master's stream had selected when the link dropped: a +CONTINUE resumes the same
     * stream, which will not repeat its SELECT (Redis keeps it in the cached master client).
     */
    private int streamDb;

    MasterLink(Replication repl, String host, int port, String cachedReplid, long nextOffset, int streamDb) {
        this.repl = repl;
        this.server = repl.server;
        this.host = host;
        this.port = port;
        this.psyncReplid = cachedReplid;
        this.psyncOffset = nextOffset;
        this.streamDb = streamDb;
        this.linkDownSinceMillis = mono();
        decoder.maxBulkLen(Long.MAX_VALUE);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The db the master's stream has selected (repl-stream-db of a snapshot this replica serves). */
    int streamDb() {
        return master != null ? master.db : streamDb;
    }

    public long readOffset() {
        return readOffset;
    }

    public boolean up() {
        return state == State.STREAM;
    }

    public boolean syncInProgress() {
        return syncInProgress;
    }

    public long lastIoSecondsAgo() {
        return lastIoMillis == 0 ? -1 : (mono() - lastIoMillis) / 1000;
    }

    public long linkDownSeconds() {
        return up() ? 0 : (mono() - linkDownSinceMillis) / 1000;
    }

    public String state() {
        switch (state) {
            case STREAM: return "connected";
            case BULK: case BULK_EOF: case BULK_HEADER: case LOADING: return "sync";
            case CONNECTING: return "connecting";
            case CLOSED: return "connect";
            default: return "handshake";
        }
    }

    void connect() {
        if (closed) return;
        lastAttemptMillis = mono();
        state = State.CONNECTING;
        server.log().notice("Connecting to MASTER " + host + ":" + port);
        server.net().connect(host, port, new Handler(), 5000).addListener(f -> {
            if (!f.isSuccess()) {
                server.net().execute(() -> {
                    if (state == State.CONNECTING) state = State.CLOSED;
                    server.log().warning("Error condition on socket for SYNC: Connection refused");
                });
            }
        });
    }

    void close() {
        closed = true;
        abortLoad();
        if (channel != null) channel.close();
        dropMaster();
        state = State.CLOSED;
    }

    private void dropMaster() {
        if (master != null) {
            ClientConnection m = master;
            streamDb = m.db;
            master = null;
            server.detachClient(m);
        }
        if (in != null) {
            in.release();
            in = null;
        }
    }

    void clientGone(ClientConnection c) {
        if (c == master && channel != null) channel.close();
    }

    /** Link timing (timeouts, reconnects, ACKs) runs on real time, not on the server's (maybe manual) clock. */
    private static long mono() {
        return System.nanoTime() / 1_000_000;
    }

    void cron() {
        long now = mono();
        if (closed) return;
        if (state == State.STREAM && in != null && in.isReadable() && channel != null) processInput(channel);
        if (state == State.CLOSED && now - lastAttemptMillis >= 1000) {
            psyncReplid = repl.replid;
            psyncOffset = repl.masterOffset + 1;
            connect();
            return;
        }
        if (state == State.STREAM && now - lastAckMillis >= 1000) sendAck();
        long timeout = server.config().getLong("repl-timeout") * 1000;
        long lastIo = lastIoMillis;
        if (pipe != null) lastIo = Math.max(lastIo, pipe.lastReadNanos() / 1_000_000); // a slow load reads slowly
        if (channel != null && state != State.CLOSED && state != State.LOADING && lastIo > 0
                && now - lastIo > timeout) {
            if (state == State.STREAM) {
                server.log().warning("MASTER timeout: no data nor PING received...");
            } else if (state == State.BULK || state == State.BULK_EOF) {
                server.log().warning("Timeout receiving bulk data from MASTER... If the problem persists try to set "
                        + "the 'repl-timeout' parameter in redis.conf to a larger value.");
            } else {
                server.log().warning("Timeout connecting to the MASTER...");
            }
            channel.close();
        }
    }

    /**
     * Handles what arrived (or, from cron, what a pause held back once it is over: Redis resumes the
     * paused master client); a broken link is closed.
     */
    private void processInput(Channel from) {
        try {
            process();
        } catch (IOException | RuntimeException e) {
            server.log().warning("Replication link error: " + e.getMessage());
            from.close();
        }
        if (in != null && in.readerIndex() > 0) in.discardReadBytes();
        server.flushPending();
    }

    /** REPLCONF ACK with the processed offset (on GETACK and every second). */
    public void sendAck() {
        if (channel == null || state != State.STREAM) return;
        lastAckMillis = mono();
        write("REPLCONF", "ACK", Long.toString(repl.masterOffset));
    }

    private void write(String... args) {
        ByteBuf b = Unpooled.buffer();
        byte[][] a = new byte[args.length][];
        for (int i = 0; i < args.length; i++) a[i] = args[i].getBytes(StandardCharsets.UTF_8);
        io.cinnabar.server.Propagator.write(b, a);
        channel.writeAndFlush(b);
    }

    private final class Handler extends ChannelInboundHandlerAdapter {
        @Override public void channelActive(ChannelHandlerContext ctx) {
            if (closed) {
                ctx.close();
                return;
            }
            channel = ctx.channel();
            lastIoMillis = mono();
            state = State.PING;
            write("PING");
        }

        @Override public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf b = (ByteBuf) msg;
            lastIoMillis = mono();
            if (state == State.STREAM) readOffset += b.readableBytes(); // slave_read_repl_offset
            if (in == null) {
                in = ctx.alloc().buffer(Math.max(4096, b.readableBytes()));
            }
            in.writeBytes(b);
            b.release();
            processInput(ctx.channel());
        }

        @Override public void channelInactive(ChannelHandlerContext ctx) {
            if (ctx.channel() != channel) return;
            if (state == State.STREAM) server.log().notice("Connection with master lost.");
            boolean wasStreaming = state == State.STREAM;
            channel = null;
            dropMaster();
            boolean loadingNow = state == State.LOADING || pipe != null;
            state = State.CLOSED;
            dropTempFile();
            // a diskless load sees a short read and reports it; a load from a complete RDB finishes
            if (pipe != null) pipe.fail("connection with master lost");
            pipe = null;
            if (!loadingNow) syncInProgress = false;
            if (wasStreaming || linkDownSinceMillis == 0) linkDownSinceMillis = mono();
            if (wasStreaming && !closed) {
                // reconnect at once rather than at the next cron: the backlog may be recycled meanwhile
                server.log().notice("Reconnecting to MASTER " + host + ":" + port);
                psyncReplid = repl.replid;
                psyncOffset = repl.masterOffset + 1;
                connect();
            }
        }

        @Override public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    private String readLine() {
        int lf = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
        if (lf < 0) return null;
        String line = in.toString(in.readerIndex(), lf - in.readerIndex(), StandardCharsets.UTF_8);
        in.readerIndex(lf + 1);
        if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
        return line;
    }

    private void process() throws IOException {
        while (in != null && in.isReadable() && !closed) {
            switch (state) {
                case PING: case AUTH: case PORT: case CAPA: case PSYNC: {
                    String line = readLine();
                    if (line == null) return;
                    if (line.isEmpty()) continue; // keepalive newline
                    handshake(line);
                    break;
                }
                case BULK_HEADER: {
                    String line = readLine();
                    if (line == null) return;
                    if (line.isEmpty()) continue;
                    if (line.startsWith("-")) throw new IOException("MASTER aborted replication: " + line);
                    if (!line.startsWith("$")) throw new IOException("Bad protocol from MASTER: " + line);
                    boolean diskless = useDisklessLoad();
                    if (line.startsWith("$EOF:")) {
                        eofMark = line.substring(5).getBytes(StandardCharsets.US_ASCII);
                        state = State.BULK_EOF;
                        server.log().notice("MASTER <-> REPLICA sync: receiving streamed RDB from master with EOF "
                                + (diskless ? "to parser" : "to disk"));
                        heldTail = new byte[0];
                        if (diskless) startLoad(null, 0, true);
                        else openTempFile();
                    } else {
                        long len = Long.parseLong(line.substring(1));
                        state = State.BULK;
                        server.log().notice("MASTER <-> REPLICA sync: receiving " + len + " bytes from master to "
                                + (diskless ? "parser" : "disk"));
                        bulkRemaining = len;
                        if (diskless) {
                            startLoad(null, len, true);
                            if (len == 0) endOfTransfer();
                        } else {
                            openTempFile();
                            if (len == 0) loadFromDisk();
                        }
                    }
                    break;
                }
                case BULK: {
                    if (pipe != null) {
                        int n = (int) Math.min(in.readableBytes(), bulkRemaining);
                        byte[] chunk = new byte[n];
                        in.readBytes(chunk);
                        pipe.feed(chunk);
                        bulkRemaining -= n;
                        if (bulkRemaining > 0) return;
                        endOfTransfer();
                        break;
                    }
                    int n = (int) Math.min(in.readableBytes(), bulkRemaining);
                    in.readBytes(rdbFile, n);
                    bulkRemaining -= n;
                    if (bulkRemaining > 0) return;
                    loadFromDisk();
                    break;
                }
                case BULK_EOF: {
                    // the master sends nothing after the mark until our first ACK, so the mark ends the read
                    if (pipe != null) {
                        if (!feedUpToMark(pipe::feed)) return;
                        endOfTransfer();
                        break;
                    }
                    if (!feedUpToMark(this::writeToDisk)) return;
                    loadFromDisk();
                    break;
                }
                case LOADING:
                    return; // what follows the RDB waits for the load to end
                case STREAM:
                    stream();
                    return;
                default:
                    return;
            }
        }
    }

    private void handshake(String line) {
        switch (state) {
            case PING:
                if (line.startsWith("-") && !line.startsWith("-NOAUTH") && !line.startsWith("-NOPERM")
                        && !line.startsWith("-ERR operation not permitted")) {
                    throw new IllegalStateException("Error reply to PING from master: '" + line + "'");
                }
                String pass = server.config().get("masterauth");
                if (!pass.isEmpty()) {
                    String user = server.config().get("masteruser");
                    if (user.isEmpty()) write("AUTH", pass);
                    else write("AUTH", user, pass);
                    state = State.AUTH;
                    return;
                }
                sendPort();
                return;
            case AUTH:
                if (line.startsWith("-")) throw new IllegalStateException("Unable to AUTH to MASTER: " + line);
                sendPort();
                return;
            case PORT:
                write("REPLCONF", "capa", "eof", "capa", "psync2");
                state = State.CAPA;
                return;
            case CAPA:
                String id = psyncReplid == null ? "?" : psyncReplid;
                long off = psyncReplid == null ? -1 : psyncOffset;
                if (repl.failover.inProgress()) write("PSYNC", id, Long.toString(off), "FAILOVER");
                else write("PSYNC", id, Long.toString(off));
                state = State.PSYNC;
                return;
            case PSYNC:
                psyncReply(line);
                return;
            default:
        }
    }

    private void sendPort() {
        int announce = server.config().getInt("replica-announce-port");
        int p = announce != 0 ? announce : server.config().getInt("port");
        write("REPLCONF", "listening-port", Integer.toString(p));
        state = State.PORT;
    }

    private void psyncReply(String line) {
        if (line.startsWith("+FULLRESYNC")) {
            String[] p = line.split(" ");
            fullsyncReplid = p.length > 1 ? p[1] : Server.randomHex(40);
            fullsyncOffset = p.length > 2 ? Long.parseLong(p[2]) : -1;
            server.log().notice("Full resync from master: " + fullsyncReplid + ":" + fullsyncOffset);
            state = State.BULK_HEADER;
            syncInProgress = true;
            repl.failover.psyncAnswered(true);
        } else if (line.startsWith("+CONTINUE")) {
            String[] p = line.split(" ");
            if (p.length > 1) repl.masterChangedId(p[1].trim());
            repl.ensureBacklogForReplica();
            repl.failover.psyncAnswered(true);
            server.log().notice("Successful partial resynchronization with master.");
            server.log().notice("MASTER <-> REPLICA sync: Master accepted a Partial Resynchronization.");
            startStream();
        } else if (repl.failover.inProgress()) {
            repl.failover.psyncAnswered(false); // turns us back into a master, closing this link
            throw new IllegalStateException("Failover target rejected PSYNC: " + line);
        } else if (line.startsWith("-NOMASTERLINK") || line.startsWith("-LOADING")) {
            throw new IllegalStateException("Master is currently unable to PSYNC but should be in the future: " + line);
        } else {
            throw new IllegalStateException("Unexpected reply to PSYNC from master: " + line);
        }
    }

    /** useDisklessLoad: swapdb always, on-empty-db when there are no keys. */
    private boolean useDisklessLoad() {
        String mode = server.config().get("repl-diskless-load");
        if (mode.equals("swapdb")) return true;
        if (!mode.equals("on-empty-db")) return false;
        for (Database db : server.dbs()) {
            if (db.size() > 0) return false;
        }
        return true;
    }

    /** Feeds what arrived to {@code out}, holding back 40 bytes; true once the stream ended with the mark. */
    private boolean feedUpToMark(java.util.function.Consumer<byte[]> out) {
        int n = in.readableBytes();
        byte[] all = new byte[heldTail.length + n];
        System.arraycopy(heldTail, 0, all, 0, heldTail.length);
        in.readBytes(all, heldTail.length, n);
        int len = all.length;
        if (len >= 40 && Arrays.equals(all, len - 40, len, eofMark, 0, 40)) {
            if (len > 40) out.accept(Arrays.copyOf(all, len - 40));
            heldTail = new byte[0];
            return true;
        }
        int keep = Math.min(40, len);
        if (len > keep) out.accept(Arrays.copyOf(all, len - keep));
        heldTail = Arrays.copyOfRange(all, len - keep, len);
        return false;
    }

    /** A disk-based transfer goes to a temp file in dir, as Redis' temp-<time>.<pid>.rdb. */
    private void openTempFile() throws IOException {
        java.nio.file.Path dir = java.nio.file.Path.of(server.config().get("dir"));
        rdbTmp = dir.resolve("temp-" + System.currentTimeMillis() + "." + ProcessHandle.current().pid() + ".rdb");
        rdbFile = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(rdbTmp), 1 << 16);
    }

    private void writeToDisk(byte[] b) {
        try {
            rdbFile.write(b);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Write error writing the RDB from MASTER to disk: " + e.getMessage(), e);
        }
    }

    /** The whole RDB is on disk: it becomes dbfilename, then is loaded from there (readSyncBulkPayload). */
    private void loadFromDisk() throws IOException {
        rdbFile.close();
        rdbFile = null;
        java.nio.file.Path target = server.<io.cinnabar.persistence.Persistence>persistence().rdbPath();
        java.nio.file.Files.move(rdbTmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        rdbTmp = null;
        long size = java.nio.file.Files.size(target);
        startLoad(new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(target), 1 << 16), size, false);
    }

    private void dropTempFile() {
        if (rdbFile != null) {
            try {
                rdbFile.close();
            } catch (IOException e) {
                // going anyway
            }
            rdbFile = null;
        }
        if (rdbTmp != null) {
            try {
                java.nio.file.Files.deleteIfExists(rdbTmp);
            } catch (IOException e) {
                // left behind, as Redis may leave a temp file
            }
            rdbTmp = null;
        }
    }

    /** The whole RDB reached the pipe: the loader finishes on its own, the link waits for it. */
    private void endOfTransfer() {
        pipe.finish();
        pipe = null;
        state = State.LOADING;
    }

    /**
     * readSyncBulkPayload's loading half: the RDB (all of {@code rdb}, or, diskless, what the
     * pipe will deliver) is parsed on a loader thread into fresh databases while the server
     * answers LOADING, or, with swapdb and the same replication ID (async loading), keeps serving
     * reads from the old data. swapdb keeps the old data until the load succeeded; the other
     * modes flush it first, as Redis.
     */
    private void startLoad(java.io.InputStream file, long size, boolean diskless) {
        io.cinnabar.persistence.Persistence persistence = server.persistence();
        io.cinnabar.persistence.Loading loading = persistence.loading();
        boolean swapdb = diskless && server.config().get("repl-diskless-load").equals("swapdb");
        boolean async = swapdb && fullsyncReplid != null && fullsyncReplid.equals(repl.replid);
        if (!swapdb) {
            repl.attachToNewMaster(); // our own replicas must resync with the new history
            server.log().notice("MASTER <-> REPLICA sync: Flushing old data");
            emptyData(persistence);
        }
        server.log().notice("MASTER <-> REPLICA sync: Loading DB in memory");
        java.io.InputStream src;
        if (diskless) {
            Channel ch = channel;
            pipe = new RdbPipe(8L << 20, () -> ch.config().setAutoRead(false), () -> ch.config().setAutoRead(true));
            src = loading.counting(pipe);
        } else {
            src = loading.counting(file);
            state = State.LOADING;
        }
        long gen = loading.start(size, async);
        loadGen = gen;
        loadChannel = channel;
        Database[] fresh = persistence.freshDatabases();
        for (Database db : fresh) db.expireMode(Database.ExpireMode.HIDE);
        long now = server.clock().millis();
        RdbLoadOptions options = new RdbLoadOptions(server.config());
        loading.runInBackground("cinnabar-sync-load", () -> RdbLoader.load(src, fresh, now, true, options),
                (r, err) -> loaded(gen, fresh, r, err, swapdb, diskless));
    }

    /** emptyData: the live databases replaced by empty ones, the functions gone. */
    private void emptyData(io.cinnabar.persistence.Persistence persistence) {
        io.cinnabar.command.WatchSignal w = server.watches();
        if (w != null) w.touchAll(-1); // before the old data goes: it looks at which watched keys exist
        persistence.adoptDatabases(persistence.freshDatabases());
        persistence.adoptFunctions(java.util.List.of()); // emptyData drops the functions too
    }

    /** The loader thread ended (on the event loop). */
    private void loaded(long gen, Database[] fresh, RdbLoader.Result r, Throwable err, boolean swapdb,
            boolean diskless) {
        if (gen != loadGen) return; // aborted meanwhile
        loadGen = -1;
        io.cinnabar.persistence.Persistence persistence = server.persistence();
        persistence.loading().stop();
        if (err != null) {
            syncInProgress = false;
            String why = err.getMessage() == null ? err.toString() : err.getMessage();
            if (diskless) {
                // rdbReportError: a short read is a connection error, anything else a corrupt payload
                server.log().warning("Internal error in RDB reading offset 0, function at rdb.c:0 -> "
                        + (err instanceof java.io.EOFException ? "Unexpected EOF reading RDB file. Failure loading "
                                + "rdb format from socket, assuming connection error, resuming operation."
                                : why + ". Failure loading rdb format"));
                server.log().warning("Failed trying to load the MASTER synchronization DB from socket: " + why);
            } else {
                server.log().warning("Failed trying to load the MASTER synchronization DB from disk, check server logs.");
            }
            if (swapdb) {
                server.log().notice("MASTER <-> REPLICA sync: Discarding temporary DB in background");
            } else {
                emptyData(persistence); // the half-loaded data goes
            }
            pipe = null;
            if (channel != null && channel == loadChannel) channel.close(); // cancelReplicationHandshake
            return;
        }
        io.cinnabar.command.WatchSignal w = server.watches();
        if (w != null) w.touchAll(-1); // before the old data goes: it looks at which watched keys exist
        if (swapdb) {
            repl.attachToNewMaster();
            server.log().notice("MASTER <-> REPLICA sync: Swapping active DB with loaded DB");
        }
        persistence.adoptDatabases(fresh);
        persistence.adoptFunctions(r.functions);
        if (swapdb) server.log().notice("MASTER <-> REPLICA sync: Discarding old DB in background");
        if (diskless) server.dirty++; // nothing was saved: the data changed
        repl.adoptMasterHistory(fullsyncReplid, fullsyncOffset);
        // the stream continues in the db the snapshot names (a chained master's own master's db)
        try {
            streamDb = Integer.parseInt(r.aux.getOrDefault("repl-stream-db", "0"));
        } catch (NumberFormatException e) {
            streamDb = 0;
        }
        if (streamDb < 0 || streamDb >= server.dbCount()) streamDb = 0;
        syncInProgress = false;
        server.log().notice("MASTER <-> REPLICA sync: Finished with success");
        if (channel == null || channel != loadChannel || state != State.LOADING) {
            return; // the link dropped meanwhile: PSYNC will continue
        }
        startStream();
        sendAck();
        try {
            process(); // what the master sent after the RDB
        } catch (IOException | RuntimeException e) {
            server.log().warning("Replication link error: " + e.getMessage());
            channel.close();
        }
        if (in != null && in.readerIndex() > 0) in.discardReadBytes();
        server.flushPending();
    }

    /** A load this link started is abandoned (the link closes for good). */
    private void abortLoad() {
        if (pipe != null) pipe.fail("replication cancelled");
        pipe = null;
        if (loadGen != -1) {
            loadGen = -1;
            ((io.cinnabar.persistence.Persistence) server.persistence()).loading().stop();
        }
    }

    private void startStream() {
        state = State.STREAM;
        readOffset = repl.masterOffset + (in == null ? 0 : in.readableBytes()); // received, maybe not applied
        master = server.attachClient(channel, ClientConnection.MASTER);
        master.replyMode = ClientConnection.ReplyMode.OFF;
        master.db = streamDb;
        linkDownSinceMillis = 0;
    }

    /** Length of the whole request at the reader index, or -1 if not all of it has arrived. */
    static int wholeCommandLength(ByteBuf b) {
        int p = b.readerIndex();
        int end = b.writerIndex();
        if (p >= end) return -1;
        if (b.getByte(p) != '*') {
            int lf = b.indexOf(p, end, (byte) '\n');
            return lf < 0 ? -1 : lf + 1 - p;
        }
        int lf = b.indexOf(p, end, (byte) '\n');
        if (lf < 0) return -1;
        long n = Long.parseLong(b.toString(p + 1, lf - 1 - (p + 1), StandardCharsets.US_ASCII));
        int q = lf + 1;
        for (long i = 0; i < n; i++) {
            int l2 = b.indexOf(q, end, (byte) '\n');
            if (l2 < 0) return -1;
            long blen = Long.parseLong(b.toString(q + 1, l2 - 1 - (q + 1), StandardCharsets.US_ASCII));
            q = (int) (l2 + 1 + blen + 2);
            if (q > end) return -1;
        }
        return q - p;
    }

    private void stream() {
        while (in != null && in.isReadable() && state == State.STREAM) {
            int start = in.readerIndex();
            int len = wholeCommandLength(in);
            if (len < 0) return; // wait for the rest: offsets count whole commands only
            try {
                decoder.decode(in, argv, false);
            } catch (ProtocolError e) {
                throw new IllegalStateException("Protocol error from master: " + e.getMessage());
            }
            if (server.dispatcher().pausesMasterCommand(argv)) {
                in.readerIndex(start); // CLIENT PAUSE holds the master's writes too: read, not applied
                return;
            }
            int end = start + len;
            in.readerIndex(end);
            if (argv.size() > 0 && master != null) {
                ClientConnection m = master;
                int mark = m.out().mark();
                server.dispatcher().process(m, argv); // errors are logged by the dispatcher, replies dropped
                m.out().resetTo(mark);
            }
            ByteBuf raw = in.retainedSlice(start, end - start);
            try {
                repl.feedRaw(raw);
            } finally {
                raw.release();
            }
        }
    }
}
