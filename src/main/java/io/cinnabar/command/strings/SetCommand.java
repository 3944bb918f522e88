package io.cinnabar.command.strings;

import static io.cinnabar.command.CommandFlag.DENYOOM;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeyEvent;
import io.cinnabar.command.KeySpec;
import io.cinnabar.error.Errors;
import io.cinnabar.resp.Argv;
import io.cinnabar.store.Database;
import io.cinnabar.store.KeyEntry;
import io.cinnabar.store.MutableString;
import io.cinnabar.store.ValueType;
import io.cinnabar.util.Numbers;
import java.nio.charset.StandardCharsets;

/**
 * {@code SET key value [NX|XX] [GET] [EX s|PX ms|EXAT ts|PXAT ms-ts|KEEPTTL]}.
 * A relative or second-based expiry is propagated as {@code SET key value PXAT <abs-ms>}, as Redis 7.0 does.
 */
final class SetCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.builder("set", "string").arity(-3).flags(WRITE, DENYOOM)
            .acl(AclCategory.STRING)
            .key(KeySpec.single(1, KeySpec.RW | KeySpec.ACCESS | KeySpec.UPDATE | KeySpec.VARIABLE_FLAGS)
                    .notes("RW and ACCESS due to the optional `GET` argument"))
            .doc("Set the string value of a key", "1.0.0", "O(1)").build();
    private static final byte[] SET = "SET".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PXAT = "PXAT".getBytes(StandardCharsets.US_ASCII);

    @Override public CommandSpec spec() {
        return SPEC;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        SetOptions o = SetOptions.parse(ctx, argv, 3, true, "set");
        byte[] key = argv.get(1);
        Database db = ctx.db();
        KeyEntry e = db.lookup(key);
        Object old = null;
        if (o.get) {
            if (e != null) {
                old = e.value();
                if (!(old instanceof byte[]) && !(old instanceof MutableString)) throw Errors.WRONGTYPE;
            }
        }
        if ((o.nx && e != null) || (o.xx && e == null)) {
            if (o.get) Strings.reply(ctx, old);
            else ctx.out().nullBulk();
            return;
        }
        byte[] value = argv.get(2);
        if (e == null) {
            e = db.add(key, value);
        } else {
            if (e.type() != ValueType.STRING) ctx.server().blocking().signalKeyAsReady(db, key);
            e.value(value);
            if (!o.keepTtl && e.hasExpire()) db.removeExpire(e);
        }
        if (o.expireAt != 0) db.setExpire(e, o.expireAt);
        ctx.modified(key, KeyEvent.SET_STRING);
        if (o.expireAt != 0) {
            ctx.notify(KeyEvent.EXPIRE, key, ctx.dbIndex());
            // Redis 7.0 rewrites every expiring SET, PXAT included, to "SET key value PXAT ms" (unit/expire checks it)
            ctx.propagateAs(SET, key, value, PXAT, Numbers.longToBytes(o.expireAt));
        }
        if (o.get) Strings.reply(ctx, old);
        else ctx.out().ok();
    }
}
