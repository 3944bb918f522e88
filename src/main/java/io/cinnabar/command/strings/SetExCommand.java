package io.cinnabar.command.strings;

import static io.cinnabar.command.CommandFlag.DENYOOM;
import static io.cinnabar.command.CommandFlag.WRITE;

import io.cinnabar.command.KeyEvent;
import io.cinnabar.command.AclCategory;
import io.cinnabar.command.Command;
import io.cinnabar.command.CommandSpec;
import io.cinnabar.command.Ctx;
import io.cinnabar.command.KeySpec;
import io.cinnabar.resp.Argv;
import io.cinnabar.error.Errors;
import io.cinnabar.store.KeyEntry;
import io.cinnabar.util.Numbers;
import java.nio.charset.StandardCharsets;

/**
 * {@code SETEX key seconds value} and {@code PSETEX key milliseconds value}: propagated as
 * {@code SET key value PXAT <abs-ms>}, as Redis 7.0 does.
 */
final class SetExCommand implements Command {
    static final CommandSpec SETEX = spec("setex", "Set the value and expiration of a key", "2.0.0");
    static final CommandSpec PSETEX = spec("psetex", "Set the value and expiration in milliseconds of a key", "2.6.0");
    private static final byte[] SET = "SET".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PXAT = "PXAT".getBytes(StandardCharsets.US_ASCII);

    private final boolean millis;

    SetExCommand(boolean millis) {
        this.millis = millis;
    }

    private static CommandSpec spec(String name, String summary, String since) {
        return CommandSpec.builder(name, "string").arity(4).flags(WRITE, DENYOOM).acl(AclCategory.STRING)
                .key(KeySpec.single(1, KeySpec.OW | KeySpec.UPDATE)).doc(summary, since, "O(1)").build();
    }

    @Override public CommandSpec spec() {
        return millis ? PSETEX : SETEX;
    }

    @Override public void execute(Ctx ctx, Argv argv) {
        long t = argv.longArg(2);
        String name = spec().name();
        if (t <= 0 || (!millis && t > Long.MAX_VALUE / 1000)) throw Errors.invalidExpireTime(name);
        long ms = millis ? t : t * 1000;
        long now = ctx.now();
        if (ms > Long.MAX_VALUE - now) throw Errors.invalidExpireTime(name);
        long at = ms + now;
        byte[] key = argv.get(1);
        KeyEntry e = ctx.db().set(key, argv.get(3));
        ctx.db().setExpire(e, at);
        ctx.modified(key, KeyEvent.SET_STRING);
        ctx.notify(KeyEvent.EXPIRE, key, ctx.dbIndex());
        ctx.propagateAs(SET, key, argv.get(3), PXAT, Numbers.longToBytes(at));
        ctx.out().ok();
    }
}
