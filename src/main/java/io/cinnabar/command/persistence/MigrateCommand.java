package io.cinnabar.command.persistence;

import static io.cinnabar.command.CommandFlag.MAY_REPLICATE;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeyEvent;
import io.cinnabar.command.KeySpec;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.persistence.MigrateSockets;
import io.cinnabar.persistence.Persistence;
import io.cinnabar.persistence.rdb.DumpPayload;
import io.cinnabar.resp.Argv;
import io.cinnabar.server.Propagator;
import io.cinnabar.store.Database;
import io.cinnabar.store.KeyEntry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code MIGRATE host port key|"" db timeout [COPY] [REPLACE] [AUTH pw | AUTH2 user pw] [KEYS key ...]}:
 * RESTOREs the keys on the target over a cached connection, then deletes them here (propagated as DEL).
 */
final class MigrateCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("migrate", "generic").arity(-6).flags(WRITE)
            .acl(AclCategory.KEYSPACE, AclCategory.DANGEROUS)
            .key(KeySpec.single(3, KeySpec.RW | KeySpec.ACCESS | KeySpec.DELETE))
            .key(KeySpec.keywordRange("KEYS", -2, -1, 1, 0, KeySpec.RW | KeySpec.ACCESS | KeySpec.DELETE | KeySpec.INCOMPLETE))
            .tips("nondeterministic_output")
            .doc("Atomically transfer a key from a Redis instance to another one.", "2.6.0",
                    "This command actually executes a DUMP+DEL in the source instance, and a RESTORE in the target instance.")
            .build();

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        boolean copy = false, replace = false;
        String user = null, pass = null;
        int firstKey = 3, numKeys = 1;
        for (int j = 6; j < argv.size(); j++) {
            int more = argv.size() - 1 - j;
            if (argv.is(j, "copy")) copy = true;
            else if (argv.is(j, "replace")) replace = true;
            else if (argv.is(j, "auth")) {
                if (more < 1) throw Errors.SYNTAX;
                pass = argv.str(++j);
            } else if (argv.is(j, "auth2")) {
                if (more < 2) throw Errors.SYNTAX;
                user = argv.str(++j);
                pass = argv.str(++j);
            } else if (argv.is(j, "keys")) {
                if (argv.get(3).length != 0) {
                    throw Errors.err("When using MIGRATE KEYS option, the key argument must be set to the empty string");
                }
                firstKey = j + 1;
                numKeys = argv.size() - j - 1;
                break;
            } else throw Errors.SYNTAX;
        }
        long timeout = argv.longArg(5);
        long dbid = argv.longArg(4);
        if (timeout <= 0) timeout = 1000;
        Database db = ctx.db();
        List<byte[]> keys = new ArrayList<>();
        List<KeyEntry> entries = new ArrayList<>();
        for (int j = 0; j < numKeys; j++) {
            KeyEntry e = db.lookup(argv.get(firstKey + j));
            if (e != null) {
                keys.add(argv.get(firstKey + j));
                entries.add(e);
            }
        }
        if (keys.isEmpty()) {
            ctx.out().simple("NOKEY");
            return;
        }
        transfer(ctx, argv.str(1), (int) argv.longArg(2), (int) dbid, (int) timeout, keys, entries, copy, replace,
                user, pass, true);
    }

    private static void transfer(Ctx ctx, String host, int port, int dbid, int timeout, List<byte[]> keys,
            List<KeyEntry> entries, boolean copy, boolean replace, String user, String pass, boolean mayRetry) {
        Persistence p = ctx.server().persistence();
        MigrateSockets sockets = p.migrateSockets();
        MigrateSockets.Conn conn;
        try {
            conn = sockets.get(host, port, timeout, ctx.now());
        } catch (IOException e) {
            throw new RedisError("IOERR error or timeout connecting to the client");
        }
        ByteBuf cmd = Unpooled.buffer();
        boolean select = conn.lastDb != dbid;
        if (pass != null) {
            Propagator.write(cmd, user == null ? args("AUTH", pass) : args("AUTH", user, pass));
        }
        if (select) Propagator.write(cmd, args("SELECT", Integer.toString(dbid)));
        boolean compress = ctx.server().config().getBool("rdbcompression");
        List<byte[]> sent = new ArrayList<>();
        for (int j = 0; j < keys.size(); j++) {
            KeyEntry e = entries.get(j);
            long ttl = 0;
            if (e.hasExpire()) {
                ttl = e.expireAt() - ctx.now();
                if (ttl < 0) continue;
                if (ttl < 1) ttl = 1;
            }
            byte[][] restore = new byte[replace ? 5 : 4][];
            restore[0] = "RESTORE".getBytes(StandardCharsets.US_ASCII);
            restore[1] = keys.get(j);
            restore[2] = Long.toString(ttl).getBytes(StandardCharsets.US_ASCII);
            restore[3] = DumpPayload.create(e.value(), compress);
            if (replace) restore[4] = "REPLACE".getBytes(StandardCharsets.US_ASCII);
            Propagator.write(cmd, restore);
            sent.add(keys.get(j));
        }
        byte[] bytes = new byte[cmd.readableBytes()];
        cmd.readBytes(bytes);
        cmd.release();
        boolean writing = true;
        String authReply = null, selectReply = null;
        List<byte[]> deleted = new ArrayList<>();
        String targetError = null;
        int read = 0;
        try {
            conn.write(bytes, timeout);
            writing = false;
            if (pass != null) authReply = conn.readLine(timeout);
            if (select) selectReply = conn.readLine(timeout);
            Database db = ctx.db();
            for (byte[] k : sent) {
                String r = conn.readLine(timeout);
                read++;
                String err = authReply != null && authReply.startsWith("-") ? authReply
                        : selectReply != null && selectReply.startsWith("-") ? selectReply
                        : r.startsWith("-") ? r : null;
                if (err != null) {
                    if (targetError == null) {
                        conn.lastDb = -1;
                        targetError = err.substring(1);
                    }
                } else if (!copy) {
                    db.delete(k);
                    ctx.modified(k, KeyEvent.DEL);
                    deleted.add(k);
                }
            }
        } catch (IOException ex) {
            sockets.close(host, port);
            if (targetError == null && read == 0 && mayRetry && !(ex instanceof java.net.SocketTimeoutException)) {
                transfer(ctx, host, port, dbid, timeout, keys, entries, copy, replace, user, pass, false);
                return;
            }
            propagateDeletes(ctx, deleted);
            if (targetError == null) {
                throw new RedisError("IOERR error or timeout " + (writing ? "writing" : "reading") + " to target instance");
            }
        }
        propagateDeletes(ctx, deleted);
        if (targetError != null) throw Errors.err("Target instance replied with error: " + targetError);
        conn.lastDb = dbid;
        ctx.out().ok();
    }

    private static void propagateDeletes(Ctx ctx, List<byte[]> deleted) {
        if (deleted.isEmpty()) {
            ctx.preventPropagation();
            return;
        }
        byte[][] del = new byte[deleted.size() + 1][];
        del[0] = "DEL".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < deleted.size(); i++) del[i + 1] = deleted.get(i);
        ctx.propagateAs(del);
    }

    private static byte[][] args(String... a) {
        byte[][] b = new byte[a.length][];
        for (int i = 0; i < a.length; i++) b[i] = a[i].getBytes(StandardCharsets.UTF_8);
        return b;
    }
}
