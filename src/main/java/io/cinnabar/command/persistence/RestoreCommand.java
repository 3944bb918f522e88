package io.cinnabar.command.persistence;

import static io.cinnabar.command.CommandFlag.DENYOOM;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeyEvent;
import io.cinnabar.command.KeySpec;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.persistence.rdb.DumpPayload;
import io.cinnabar.persistence.rdb.RdbLoadOptions;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.Database;
import io.cinnabar.store.KeyEntry;
import io.cinnabar.util.Numbers;
import java.nio.charset.StandardCharsets;

/**
 * {@code RESTORE key ttl serialized-value [REPLACE] [ABSTTL] [IDLETIME s] [FREQ f]}, checks in
 * Redis' order; a relative TTL is propagated as absolute (ABSTTL).
 */
final class RestoreCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("restore", "generic").arity(-4).flags(WRITE, DENYOOM)
            .acl(AclCategory.KEYSPACE, AclCategory.DANGEROUS).key(KeySpec.single(1, KeySpec.OW | KeySpec.UPDATE))
            .doc("Create a key using the provided serialized value, previously obtained using DUMP.", "2.6.0",
                    "O(1) to create the new key and additional O(N*M) to reconstruct the serialized value")
            .build();
    private static final RedisError BUSYKEY = new RedisError("BUSYKEY Target key name already exists.");
    private static final byte[] DEL = "DEL".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ABSTTL = "ABSTTL".getBytes(StandardCharsets.US_ASCII);

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        boolean replace = false;
        boolean absttl = false;
        long idle = -1;
        long freq = -1;
        for (int j = 4; j < argv.size(); j++) {
            int more = argv.size() - j - 1;
            if (argv.is(j, "replace")) {
                replace = true;
            } else if (argv.is(j, "absttl")) {
                absttl = true;
            } else if (argv.is(j, "idletime") && more >= 1 && freq == -1) {
                idle = argv.longArg(++j);
                if (idle < 0) throw Errors.err("Invalid IDLETIME value, must be >= 0");
            } else if (argv.is(j, "freq") && more >= 1 && idle == -1) {
                freq = argv.longArg(++j);
                if (freq < 0 || freq > 255) throw Errors.err("Invalid FREQ value, must be >= 0 and <= 255");
            } else {
                throw Errors.SYNTAX;
            }
        }
        byte[] key = argv.get(1);
        Database db = ctx.db();
        if (!replace && db.lookup(key) != null) throw BUSYKEY;
        long ttl = argv.longArg(2);
        if (ttl < 0) throw Errors.err("Invalid TTL value, must be >= 0");
        byte[] payload = argv.get(3);
        if (!DumpPayload.verify(payload)) throw Errors.err("DUMP payload version or checksum are wrong");
        Object value = DumpPayload.read(payload, new RdbLoadOptions(ctx.server().config()));
        if (value == null) throw Errors.err("Bad data format");
        boolean deleted = replace && db.delete(key);
        if (ttl != 0 && !absttl) ttl += ctx.now();
        if (ttl != 0 && ttl <= ctx.now() && !ctx.server().isReplica() && !ctx.server().loading) {
            if (deleted) {
                ctx.modified(key, KeyEvent.DEL);
                ctx.propagateAs(DEL, key);
            } else {
                ctx.preventPropagation();
            }
            ctx.out().ok();
            return;
        }
        KeyEntry e = db.add(key, value);
        if (ttl != 0) {
            db.setExpire(e, ttl);
            if (!absttl) {
                byte[][] rewritten = new byte[argv.size() + 1][];
                for (int i = 0; i < argv.size(); i++) rewritten[i] = argv.get(i);
                rewritten[2] = Numbers.longToBytes(ttl);
                rewritten[argv.size()] = ABSTTL;
                ctx.propagateAs(rewritten);
            }
        }
        if (idle >= 0) e.lru((int) ((db.lruClock() - idle) & 0xFFFFFF));
        ctx.modified(key, KeyEvent.RESTORE);
        ctx.out().ok();
    }
}
