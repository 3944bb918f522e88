package io.cinnabar.command.strings;

import static io.cinnabar.command.CommandFlag.FAST;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.KeyEvent;
import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.error.Errors;
import io.cinnabar.error.RedisError;
import io.cinnabar.store.KeyEntry;
import io.cinnabar.util.Numbers;
import java.nio.charset.StandardCharsets;

/**
 * {@code GETEX key [EX s|PX ms|EXAT ts|PXAT ms-ts|PERSIST]}: never propagated as is, but as
 * {@code PEXPIREAT key ms}, {@code DEL key} (an absolute time already past) or {@code PERSIST key}.
 */
final class GetExCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("getex", "string").arity(-2).flags(WRITE, FAST)
            .acl(AclCategory.STRING).key(KeySpec.single(1, KeySpec.RW | KeySpec.ACCESS | KeySpec.UPDATE)
                    .notes("RW and UPDATE because it changes the TTL"))
            .doc("Get the value of a key and optionally set its expiration", "6.2.0", "O(1)").build();
    private static final byte[] PEXPIREAT = "PEXPIREAT".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DEL = "DEL".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PERSIST = "PERSIST".getBytes(StandardCharsets.US_ASCII);

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        byte[] key = argv.get(1);
        SetOptions o = null;
        RedisError late = null;
        try {
            o = SetOptions.parse(ctx, argv, 2, false, "getex");
        } catch (RedisError err) {
            if (err == Errors.SYNTAX) throw err;
            late = err; // Redis validates the time only after the lookup
        }
        Object v = Strings.readString(ctx, key);
        if (v == null) {
            ctx.out().nullBulk();
            return;
        }
        if (late != null) throw late;
        Strings.bulk(ctx, v);
        KeyEntry e = ctx.db().lookup(key);
        if (o.expireAt != 0 && o.absolute && o.expireAt <= ctx.now()) {
            ctx.db().removeEntry(e);
            ctx.modified(key, KeyEvent.DEL);
            ctx.propagateAs(DEL, key);
        } else if (o.expireAt != 0) {
            ctx.db().setExpire(e, o.expireAt);
            ctx.modified(key, KeyEvent.EXPIRE);
            ctx.propagateAs(PEXPIREAT, key, Numbers.longToBytes(o.expireAt));
        } else if (o.persist && ctx.db().removeExpire(e)) {
            ctx.modified(key, KeyEvent.PERSIST);
            ctx.propagateAs(PERSIST, key);
        }
    }
}
